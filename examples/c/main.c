/*
 * A C program calling kernels compiled from kernels.py. It keeps its data
 * in its own buffers and wraps them with pyc2go_view_float64, so it never
 * fills the shape and stride arrays of pyc2go_array_float64 by hand.
 *
 * Build (README.md beside this file):
 *   pyc2go compile --lang c -o gen kernels.py
 *   gcc -std=c11 -O2 -Igen main.c gen/kernels.c gen/pyc2go_runtime.c -lm -o demo
 */
#include <stdio.h>

#include "kernels.h"

int main(void)
{
	double x[20];
	for (int i = 0; i < 20; i++)
		x[i] = (double)(i % 7);

	pyc2go_error err;
	pyc2go_array_float64 xs, avg;
	int64_t n = 20;
	pyc2go_view_float64(&xs, x, 1, &n, NULL); /* contiguous: strides NULL */
	if (kernels_moving_average(&xs, 4, &avg, &err) != 0) {
		fprintf(stderr, "%s: %s\n", err.exc, err.msg);
		return 1;
	}
	for (int64_t i = 0; i < avg.shape[0]; i++)
		printf("%.17g\n", avg.data[avg.offset + i * avg.strides[0]]);
	pyc2go_array_free_float64(&avg);

	/* Every other column of a 4x6 row-major grid: a strided view of the
	 * caller's buffer, as numpy's grid[:, ::2]. Strides are in elements. */
	double grid[24];
	for (int i = 0; i < 24; i++)
		grid[i] = (double)i;
	pyc2go_array_float64 cols, rms;
	int64_t shape[2] = {4, 3}, strides[2] = {6, 2};
	pyc2go_view_float64(&cols, grid, 2, shape, strides);
	if (kernels_row_rms(&cols, &rms, &err) != 0) {
		fprintf(stderr, "%s: %s\n", err.exc, err.msg);
		return 1;
	}
	for (int64_t i = 0; i < rms.shape[0]; i++)
		printf("%.17g\n", rms.data[rms.offset + i * rms.strides[0]]);
	pyc2go_array_free_float64(&rms);

	/* A Python exception is a nonzero return and a filled pyc2go_error. */
	if (kernels_moving_average(&xs, 0, &avg, &err) != 0)
		printf("%s: %s\n", err.exc, err.msg);
	return 0;
}
