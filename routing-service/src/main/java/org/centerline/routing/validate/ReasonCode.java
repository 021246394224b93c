package org.centerline.routing.validate;

/**
 * The stable codes of rejection reasons. Broker systems key their handling on these, so a code is
 * never renamed; new ones may be added.
 */
public enum ReasonCode {
    PAYLOAD_TOO_LARGE,
    MALFORMED_JSON,
    NOT_AN_OBJECT,
    REQUIRED,
    WRONG_TYPE,
    SCHEMA_VERSION_UNSUPPORTED,
    KEY_MISMATCH,
    ENTRY_NUMBER_FORMAT,
    ENTRY_NUMBER_CHECK_DIGIT,
    FILER_CODE_FORMAT,
    FILER_CODE_MISMATCH,
    ENTRY_TYPE_UNKNOWN,
    /** A known entry type not valid on the entry's date (or for the origin of one of its lines): type 86 after its end. */
    ENTRY_TYPE_NOT_IN_FORCE,
    IMPORTER_NUMBER_FORMAT,
    PORT_FORMAT,
    MODE_OF_TRANSPORT_FORMAT,
    DATE_FORMAT,
    SUMMARY_BEFORE_ENTRY,
    LINE_COUNT,
    LINE_NUMBER_INVALID,
    LINE_NUMBER_DUPLICATE,
    HTS_FORMAT,
    HTS_CHAPTER_UNKNOWN,
    COUNTRY_FORMAT,
    ENTERED_VALUE_NEGATIVE,
    ENTERED_VALUE_RANGE,
    ENTERED_VALUE_PRECISION,
    CHAPTER99_FORMAT,
    /** A Chapter 99 number of a program used on an entry dated outside the program's dates. */
    CHAPTER99_NOT_IN_FORCE,
    ADCVD_CASE_FORMAT,
    /** More faults than a rejection lists (the first 100 are listed). */
    TOO_MANY_REASONS,
    /** The filing could not be routed because of a defect in Centerline itself; it is kept, not lost. */
    ROUTING_FAILED
}
