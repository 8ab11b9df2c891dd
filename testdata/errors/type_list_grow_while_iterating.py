def expand(xs: "list[int]") -> int:
    """Appending to the list a loop walks: CPython's loop sees the new
    elements, the compiled loop walks the list it started with."""
    todo = list(xs)
    for t in todo:
        if t > 1:
            todo.append(t // 2)
    return len(todo)
