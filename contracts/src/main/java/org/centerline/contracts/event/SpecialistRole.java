package org.centerline.contracts.event;

/** The trade specialist roles a Center staffs (COAC asked for more of each where workload demands). */
public enum SpecialistRole {
    IMPORT_SPECIALIST, ENTRY_SPECIALIST, DRAWBACK_SPECIALIST
}
