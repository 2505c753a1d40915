"""The timeline: a Gantt chart per plan and across all plans, with the row table beside it."""
