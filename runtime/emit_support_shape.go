package runtime

// ShapeString spells a shape as Python's str of an ndarray's shape tuple:
// "()", "(3,)", "(3, 4)". Generated code formats numpy's messages with it
// ("operands could not be broadcast together with shapes (3,) (4,)"), so
// it must match CPython character for character.
func ShapeString(shape []int) string { return pyShape(shape) }
