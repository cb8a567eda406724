package io.streamlearn.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class DenseTransferTest {

    private static final float[] TWO_BY_THREE = {1, 2, 3, 4, 5, 6};

    @Test
    void roundTripsARowMajorMatrix() {
        INDArray matrix = DenseTransfer.matrix(TWO_BY_THREE, 2, 3);
        assertThat(matrix.shape()).containsExactly(2, 3);
        assertThat(matrix.getFloat(1, 0)).isEqualTo(4f);
        assertThat(DenseTransfer.values(matrix)).containsExactly(TWO_BY_THREE);
    }

    @Test
    void readsViewsAndColumnMajorResultsInRowMajorOrder() {
        INDArray matrix = DenseTransfer.matrix(TWO_BY_THREE, 2, 3);
        assertThat(DenseTransfer.values(matrix.transpose())).containsExactly(1, 4, 2, 5, 3, 6);
        INDArray product = matrix.mmul(matrix.transpose());
        assertThat(DenseTransfer.values(product)).containsExactly(14, 32, 32, 77);
        assertThat(DenseTransfer.values(matrix.getRow(1))).containsExactly(4, 5, 6);
        assertThat(DenseTransfer.values(matrix.sum(0))).containsExactly(5, 7, 9);
    }

    @Test
    void refusesValuesThatDoNotFitTheShape() {
        assertThatThrownBy(() -> DenseTransfer.matrix(TWO_BY_THREE, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
