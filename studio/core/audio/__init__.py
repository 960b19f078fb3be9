"""Audio for the window process and the engine host: files, devices, recording and playback.

Qt-free.  Recording and playback run here, in the window's process (PortAudio
callbacks need low latency, not torch); decoding is shared with the engines.
"""
