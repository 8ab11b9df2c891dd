def uniq(n: int) -> int:
	seen = {n, n + 1}
	return n
