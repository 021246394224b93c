package org.centerline.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SoakOptionsTest {

    @Test
    void defaultsAreAWeekOfFilingsOnOneInstanceMeasuredEvery100k() {
        SoakOptions options = SoakOptions.parse(new String[0]);

        assertThat(options.records()).isEqualTo(1_000_000);
        assertThat(options.instances()).isEqualTo(1);
        assertThat(options.checkpoint()).isEqualTo(100_000);
    }

    @Test
    void bothFlagFormsAreReadAndTheCheckpointNeverExceedsTheRun() {
        SoakOptions options = SoakOptions.parse(new String[] {"--records=20_000", "--instances", "2", "--checkpoint", "50000"});

        assertThat(options.records()).isEqualTo(20_000);
        assertThat(options.instances()).isEqualTo(2);
        assertThat(options.checkpoint()).isEqualTo(20_000);
    }

    @Test
    void mistakesSayWhatIsWrong() {
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--instances", "12"}))
                .hasMessage("--instances must be between 1 and 9: 12");
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--records"})).hasMessage("--records needs a value");
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--recrods", "5"})).hasMessage("unknown option '--recrods'");
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--seed", "x"})).hasMessage("--seed must be a whole number: 'x'");
    }
}
