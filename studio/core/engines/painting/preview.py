"""Cheap previews: latents to RGB with a linear map, no VAE decode (about 0.5 ms).

The factors (rows: latent channels; columns: R, G, B) are the published approximations
of each VAE family (ComfyUI's latent formats).  A preview has the latents' resolution
(an eighth of the image's side on real models); the window scales it up.
"""

from __future__ import annotations

import math
from typing import Any

SD15 = ((0.3512, 0.2297, 0.3227), (0.3250, 0.4974, 0.2350), (-0.2829, 0.1762, 0.2721),
        (-0.2120, -0.2616, -0.7177))
SDXL = ((0.3651, 0.4232, 0.4341), (-0.2533, -0.0042, 0.1068), (0.1076, 0.1111, -0.0362),
        (-0.3165, -0.2492, -0.2188))
SDXL_BIAS = (0.1084, -0.0175, -0.0011)


class Previewer:
    def __init__(self, family: str) -> None:
        self.family = family
        self._factors: dict = {}  # (device, dtype) -> (factors, bias) tensors

    def _weights(self, latents):
        import torch

        key = (latents.device, latents.dtype)
        if key not in self._factors:
            rows = SDXL if self.family == "sdxl" else SD15
            bias = SDXL_BIAS if self.family == "sdxl" else (0.0, 0.0, 0.0)
            self._factors[key] = (torch.tensor(rows, device=latents.device, dtype=latents.dtype),
                                  torch.tensor(bias, device=latents.device, dtype=latents.dtype))
        return self._factors[key]

    def image(self, latents) -> Any:
        """uint8 numpy array (h x w x 3) of the batch's latents, tiled in a near-square grid."""
        import torch

        if latents.shape[1] != 4:  # an unknown latent space: show nothing rather than garbage
            return None
        factors, bias = self._weights(latents)
        with torch.inference_mode():
            rgb = torch.einsum("bchw,cr->bhwr", latents, factors) + bias
            pixels = ((rgb.clamp(-1, 1) + 1) * 127.5).to(torch.uint8).cpu().numpy()
        return tile(pixels)


def tile(images) -> Any:
    """(n, h, w, 3) -> one (rows*h, cols*w, 3) array, left to right, top to bottom."""
    import numpy as np

    n, h, w, c = images.shape
    if n == 1:
        return images[0]
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    grid = np.zeros((rows * h, cols * w, c), dtype=images.dtype)
    for i in range(n):
        r, k = divmod(i, cols)
        grid[r * h:(r + 1) * h, k * w:(k + 1) * w] = images[i]
    return grid
