"""Measuring a judge on labelled samples (`veracity eval`)."""
