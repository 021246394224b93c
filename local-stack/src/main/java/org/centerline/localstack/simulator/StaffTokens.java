package org.centerline.localstack.simulator;

/**
 * The bearer tokens the simulated Center staff call center-service with, since every call needs one: a
 * specialist acts as themselves, the Center's director does what is not one specialist's (the roster, the
 * whole queue, recording an importer's CF-28 answer).
 */
public interface StaffTokens {

    /** A specialist of {@code centerCode} whose token names roster id {@code specialistId}. */
    String specialist(String centerCode, String specialistId);

    /** The director of {@code centerCode}. */
    String director(String centerCode);
}
