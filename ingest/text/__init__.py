"""Text: bytes decoded, script folded, blocks and the line recognisers."""
