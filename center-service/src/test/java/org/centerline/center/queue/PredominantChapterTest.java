package org.centerline.center.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.centerline.contracts.event.EntryLine;
import org.junit.jupiter.api.Test;

class PredominantChapterTest {

    static List<EntryLine> lines(String... hts) {
        int[] n = {0};
        return Arrays.stream(hts).map(h -> new EntryLine(++n[0], h, "CN", BigDecimal.TEN, null, null)).toList();
    }

    @Test
    void theChapterWithTheMostLinesWins() {
        assertThat(CenterQueueProcessor.predominantChapter(lines("8471300100", "8517620090", "8517130000")))
                .isEqualTo(85);
        assertThat(CenterQueueProcessor.predominantChapter(lines("0901210000", "8471300100", "0901220000",
                "0902100000"))).isEqualTo(9);
    }

    @Test
    void aTieGoesToTheLowerChapter() {
        assertThat(CenterQueueProcessor.predominantChapter(lines("8517620090", "8471300100"))).isEqualTo(84);
        assertThat(CenterQueueProcessor.predominantChapter(lines("8471300100", "8517620090"))).isEqualTo(84);
        assertThat(CenterQueueProcessor.predominantChapter(lines("9403600000", "3004900000", "9403600000",
                "3004900000"))).isEqualTo(30);
    }

    @Test
    void aSingleLineDecidesAndNoLinesIsChapterZero() {
        assertThat(CenterQueueProcessor.predominantChapter(lines("6109100012"))).isEqualTo(61);
        assertThat(CenterQueueProcessor.predominantChapter(List.of())).isZero();
    }

    @Test
    void theStoreKeyIsCenterSlashEntryNumber() {
        assertThat(CenterQueueProcessor.key("ELE", "ABC-1234567-6")).isEqualTo("ELE/ABC-1234567-6");
    }
}
