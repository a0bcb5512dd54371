"""Report prose: number style and the text that carries computed figures."""
