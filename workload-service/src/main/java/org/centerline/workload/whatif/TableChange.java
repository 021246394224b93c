package org.centerline.workload.whatif;

import java.util.List;

/**
 * A proposed change to the HTS -> Center table: chapters or headings moved to another Center. A
 * chapter move replaces the chapter's rule; heading rules inside the chapter (exceptions such as
 * 8471 in chapter 84) stay as they are unless moved too.
 */
public record TableChange(List<Move> moves) {

    /** One move: exactly one of {@code chapter} (2 digits) or {@code heading} (4 digits), to {@code toCenter}. */
    public record Move(String chapter, String heading, String toCenter) {
    }
}
