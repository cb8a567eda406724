package io.streamlearn.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowColumnsTest {

    @Test
    void givesEachDistinctRowTheNextColumnInFirstSeenOrder() {
        RowColumns columns = new RowColumns(6);

        assertThat(columns.columnOf(40)).isZero();
        assertThat(columns.columnOf(7)).isEqualTo(1);
        assertThat(columns.columnOf(40)).isZero();
        assertThat(columns.columnOf(0)).isEqualTo(2);
        assertThat(columns.columnOf(7)).isEqualTo(1);
        assertThat(columns.columnOf(1 << 20)).isEqualTo(3);

        assertThat(columns.size()).isEqualTo(4);
        assertThat(columns.rows()).containsExactly(40, 7, 0, 1 << 20);
    }

    @Test
    void holdsAsManyDistinctRowsAsDrawsWhenNoneRepeat() {
        RowColumns columns = new RowColumns(1000);
        for (int row = 0; row < 1000; row++) {
            assertThat(columns.columnOf(row * 64)).isEqualTo(row);
        }
        assertThat(columns.size()).isEqualTo(1000);
    }
}
