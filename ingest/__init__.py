"""Zhuzhou news archive: page text files in, a normalized SQLite archive out."""
