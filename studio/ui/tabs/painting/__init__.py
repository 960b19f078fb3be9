"""The Painting tab (Stable Diffusion): see ``tab``."""

from .tab import PaintingTab

__all__ = ["PaintingTab"]
