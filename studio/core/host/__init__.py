"""The engine host: a process of its own where models load and jobs run.

window process                         engine host process
  EngineHost (client.py)  --Submit-->    HostServer (server.py)
  one reader thread       <--events--    a queue and a thread per task
                                          -> studio.core.engines -> torch, llama.cpp, ...

A crash, an out-of-memory kill or a stuck library call costs a restart of the
host, never the window or the user's work.  The CLI runs the same engines
in-process, without a host.
"""
