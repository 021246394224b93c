package org.centerline.contracts.center;

/**
 * One of CBP's Centers of Excellence and Expertise: its short code (this project's), name,
 * office and CBP team code. Team code breaks routing ties (lower wins).
 */
public record Center(String code, String name, String office, String teamCode) {
}
