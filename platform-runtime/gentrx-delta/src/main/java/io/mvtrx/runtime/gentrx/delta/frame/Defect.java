package io.mvtrx.runtime.gentrx.delta.frame;

/** Why a checkpoint, gradient or version delta was refused: one value per distinct fault, stable for metrics and logs. */
public enum Defect {
    /** The file ends before the header or the data it declares. */
    TRUNCATED,
    /** The file is larger than the reader's byte limit. */
    OVERSIZED,
    /** Bytes follow the last declared tensor. */
    TRAILING_BYTES,
    /** The header length prefix is zero, beyond the header limit, or beyond the file. */
    HEADER_LENGTH,
    /** The header is not valid UTF-8 or not strict JSON. */
    MALFORMED_HEADER,
    /** The header names a different file kind. */
    WRONG_FORMAT,
    /** The header's format version is not one this reader knows. */
    UNSUPPORTED_VERSION,
    /** A header member is missing, of the wrong type, out of range or unknown. */
    BAD_FIELD,
    /** A tensor name the expected layout does not hold. */
    UNKNOWN_TENSOR,
    /** A tensor name listed twice. */
    DUPLICATE_TENSOR,
    /** Tensors not in the layout's order. */
    TENSOR_ORDER,
    /** A tensor the expected layout requires is absent. */
    MISSING_TENSOR,
    /** A tensor's shape differs from the expected layout's. */
    SHAPE_MISMATCH,
    /** A dtype other than F32. */
    BAD_DTYPE,
    /** Data offsets not contiguous, not matching the shape, or beyond the file. */
    BAD_OFFSETS,
    /** A sparse tensor's element count k is negative or exceeds the tensor's element count. */
    COUNT_MISMATCH,
    /** A sparse index outside {@code [0, elements)}. */
    INDEX_OUT_OF_RANGE,
    /** The same sparse index twice. */
    DUPLICATE_INDEX,
    /** Sparse indices not ascending. */
    UNSORTED_INDICES,
    /** A NaN or infinite value. */
    NON_FINITE_VALUE
}
