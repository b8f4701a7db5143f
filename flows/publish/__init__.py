"""Publish: stage a complete new warehouse beside the live one, then make it live in one swap."""
