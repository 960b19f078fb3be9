<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ChatPanel</name>
    <message>
      <location filename="../../ui/tabs/writing/chat_panel.py" line="22" />
      <source>Previous answer</source>
      <translation>上一个回答</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/chat_panel.py" line="25" />
      <source>Next answer</source>
      <translation>下一个回答</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/chat_panel.py" line="32" />
      <source>Answers</source>
      <translation>回答</translation>
    </message>
  </context>
  <context>
    <name>ChatView</name>
    <message>
      <location filename="../../ui/widgets/chat_view.py" line="16" />
      <source>You</source>
      <translation>你</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chat_view.py" line="16" />
      <source>Assistant</source>
      <translation>助手</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/chat_view.py" line="17" />
      <source>System</source>
      <translation>跟随系统</translation>
    </message>
  </context>
  <context>
    <name>CompletionPanel</name>
    <message>
      <location filename="../../ui/tabs/writing/completion_panel.py" line="31" />
      <source>Text %1</source>
      <translation>文本 %1</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="76" />
      <source>AIGC Studio</source>
      <translation>AIGC 工作室</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="84" />
      <source>Writing</source>
      <translation>写作</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="84" />
      <source>Painting</source>
      <translation>绘画</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="85" />
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="85" />
      <source>Transcription</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="106" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="140" />
      <source>Memory of the window and of the engine process, where the models are loaded</source>
      <translation>窗口进程和引擎进程（模型加载在其中）占用的内存</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="143" />
      <source>Unload models</source>
      <translation>卸载模型</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="144" />
      <source>Free the memory of every loaded model that no job is using</source>
      <translation>释放所有未被任务使用的已加载模型的内存</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="175" />
      <source>The language changes when AIGC Studio starts again. 界面语言将在重新启动后生效。</source>
      <translation>界面语言将在重新启动后生效。 The language changes when AIGC Studio starts again.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="177" />
      <source>Restart now</source>
      <translation>立即重启</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="205" />
      <source>Unloaded %1 model(s); the engine freed %2.</source>
      <translation>已卸载 %1 个模型；引擎释放了 %2。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="215" />
      <source>Device: %1 · %2</source>
      <translation>设备：%1 · %2</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="218" />
      <source>not running</source>
      <translation>未运行</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="220" />
      <source>Memory: window %1 · engine %2</source>
      <translation>内存：窗口 %1 · 引擎 %2</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="275" />
      <source>Your settings could not be saved: %1</source>
      <translation>设置未能保存：%1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="282" />
      <source>Your drafts could not be saved: %1</source>
      <translation>草稿未能保存：%1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="241" />
      <source>Cannot open %1: no tab handles this kind of file.</source>
      <translation>无法打开 %1：没有标签页能处理这种文件。</translation>
    </message>
  </context>
  <context>
    <name>MessageBar</name>
    <message>
      <location filename="../../ui/widgets/message_bar.py" line="34" />
      <source>Dismiss</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>ModeBox</name>
    <message>
      <location filename="../../ui/tabs/writing/mode_box.py" line="13" />
      <source>Chat</source>
      <translation>对话</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/mode_box.py" line="14" />
      <source>Completion</source>
      <translation>续写</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/mode_box.py" line="15" />
      <source>Chat uses the model's chat template; completion continues your text</source>
      <translation>对话使用模型的对话模板；续写接着你的文本往下写</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/mode_box.py" line="30" />
      <source>This model has no chat template</source>
      <translation>此模型没有对话模板</translation>
    </message>
  </context>
  <context>
    <name>PaintingTab</name>
    <message>
      <location filename="../../ui/tabs/painting.py" line="36" />
      <source>Describe the picture: a lighthouse at dusk, oil painting</source>
      <translation>描述画面：黄昏的灯塔，油画</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="38" />
      <source>Negative prompt: what to avoid</source>
      <translation>反向提示词：要避免的内容</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="45" />
      <source>random</source>
      <translation>随机</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="47" />
      <source>Parameters</source>
      <translation>参数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="49" />
      <source>Steps</source>
      <translation>步数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="50" />
      <source>Guidance</source>
      <translation>引导强度</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="51" />
      <source>Size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="52" />
      <source>Seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="53" />
      <source>Images</source>
      <translation>张数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="55" />
      <source>The image appears here while it is painted.</source>
      <translation>绘制过程中图像显示在这里。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="63" />
      <source>Paint</source>
      <translation>绘制</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="68" />
      <source>Prompt</source>
      <translation>提示词</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="75" />
      <source>Gallery</source>
      <translation>图库</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="91" />
      <source>Start image: %1</source>
      <translation>起始图像：%1</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting.py" line="94" />
      <source>Painting needs the diffusers engine, which is not in this version yet.</source>
      <translation>绘画需要 diffusers 引擎，此版本尚未包含。</translation>
    </message>
  </context>
  <context>
    <name>SettingsPanel</name>
    <message>
      <location filename="../../ui/settings_panel.py" line="37" />
      <source>auto picks an NVIDIA GPU, then Apple GPU, then the CPU</source>
      <translation>自动：依次选择 NVIDIA GPU、Apple GPU、CPU</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="41" />
      <source>auto: half precision on GPUs, float32 on the CPU</source>
      <translation>自动：GPU 上半精度，CPU 上 float32</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="44" />
      <source>auto (fastest)</source>
      <translation>自动（最快）</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="45" />
      <source>llama.cpp runs GGUF files fast on CPUs; transformers runs any causal language model</source>
      <translation>llama.cpp 在 CPU 上快速运行 GGUF 文件；transformers 可运行任何因果语言模型</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="50" />
      <source>no limit</source>
      <translation>不限</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="51" />
      <source>Idle models are unloaded before loading another would use more memory than this</source>
      <translation>加载新模型会超出此内存时，先卸载空闲模型</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="54" />
      <source>System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="56" />
      <source>Takes effect when the app starts again</source>
      <translation>重新启动后生效</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="59" />
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="60" />
      <source>After Stop, offer Force stop (restarting the engine) if a job is still running this long</source>
      <translation>按下停止后，任务若仍运行这么久，就提供“强制停止”（重启引擎）</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="64" />
      <source>Hardware</source>
      <translation>硬件</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="67" />
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="68" />
      <source>Precision</source>
      <translation>精度</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="69" />
      <source>Memory budget</source>
      <translation>内存预算</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="70" />
      <source>Models</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="72" />
      <source>Writing</source>
      <translation>写作</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="72" />
      <source>Painting</source>
      <translation>绘画</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="73" />
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="73" />
      <source>Transcription</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="80" />
      <source>Use a model folder or file on this computer</source>
      <translation>使用本机上的模型文件夹或文件</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="87" />
      <source>Writing backend</source>
      <translation>写作后端</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="89" />
      <source>Interface</source>
      <translation>界面</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="91" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="92" />
      <source>Force stop after</source>
      <translation>强制停止等待</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="110" />
      <source>auto</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="118" />
      <source>%1, %2 cores</source>
      <translation>%1，%2 核</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="124" />
      <source>CPU: %1</source>
      <translation>CPU：%1</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="132" />
      <source>auto: %1</source>
      <translation>自动：%1</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="137" />
      <source>%1 (not available)</source>
      <translation>%1（不可用）</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="165" />
      <source>built in</source>
      <translation>内置</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="179" />
      <source>Choose a GGUF file, or cancel to pick a folder</source>
      <translation>选择 GGUF 文件，或取消以选择文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="180" />
      <source>GGUF models (*.gguf)</source>
      <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="182" />
      <location filename="../../ui/settings_panel.py" line="184" />
      <source>Choose a model folder</source>
      <translation>选择模型文件夹</translation>
    </message>
  </context>
  <context>
    <name>TabBase</name>
    <message>
      <location filename="../../ui/tabs/base.py" line="70" />
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="123" />
      <source>The job has not stopped yet: the engine is busy inside a library call. Force stop restarts the engine; loaded models are unloaded, your work is kept.</source>
      <translation>任务尚未停止：引擎正忙于一次库调用。强制停止会重启引擎，已加载的模型会被卸载，你的内容会保留。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="125" />
      <source>Force stop</source>
      <translation>强制停止</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="155" />
      <source>about %1 left</source>
      <translation>约剩 %1</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="202" />
      <source>Stopped; what was made so far is kept.</source>
      <translation>已停止；已生成的内容已保留。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="204" />
      <source>Stopped before anything was made; the previous result is kept.</source>
      <translation>在生成任何内容之前已停止；之前的结果已保留。</translation>
    </message>
  </context>
  <context>
    <name>TranscriptionTab</name>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="33" />
      <source>Drop an audio file here, or record from the microphone</source>
      <translation>把音频文件拖到这里，或用麦克风录音</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="35" />
      <source>Record</source>
      <translation>录音</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="36" />
      <source>Open file…</source>
      <translation>打开文件…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="38" />
      <source>Detect</source>
      <translation>自动检测</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="42" />
      <location filename="../../ui/tabs/transcription.py" line="55" />
      <source>Transcribe</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="43" />
      <source>Translate to English</source>
      <translation>翻译成英文</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="45" />
      <source>Options</source>
      <translation>选项</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="47" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="48" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="49" />
      <source>Beam size</source>
      <translation>束大小</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="51" />
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="51" />
      <source>End</source>
      <translation>结束</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="51" />
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="53" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="78" />
      <source>Open audio</source>
      <translation>打开音频</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="79" />
      <source>Audio (%1)</source>
      <translation>音频 (%1)</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="85" />
      <source>%1 is not an audio file this tab can open.</source>
      <translation>%1 不是此标签页能打开的音频文件。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="89" />
      <source>Audio: %1</source>
      <translation>音频：%1</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription.py" line="93" />
      <source>Transcription needs the Whisper engine, which is not in this version yet.</source>
      <translation>转写需要 Whisper 引擎，此版本尚未包含。</translation>
    </message>
  </context>
  <context>
    <name>VoiceTab</name>
    <message>
      <location filename="../../ui/tabs/voice.py" line="25" />
      <source>Type or drop the text to speak</source>
      <translation>输入或拖入要朗读的文本</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice.py" line="27" />
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice.py" line="29" />
      <source>Speed</source>
      <translation>语速</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice.py" line="30" />
      <source>Speak</source>
      <translation>朗读</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice.py" line="32" />
      <source>Play</source>
      <translation>播放</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice.py" line="33" />
      <source>Save WAV…</source>
      <translation>保存 WAV…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice.py" line="36" />
      <source>No speech yet.</source>
      <translation>还没有语音。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice.py" line="40" />
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice.py" line="53" />
      <source>Speech needs the Piper engine, which is not in this version yet.</source>
      <translation>语音需要 Piper 引擎，此版本尚未包含。</translation>
    </message>
  </context>
  <context>
    <name>WritingParams</name>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="27" />
      <source>Most tokens to generate</source>
      <translation>最多生成的词元数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="28" />
      <source>Prompt plus new tokens (0 = no limit)</source>
      <translation>提示词加新词元的总长度（0 = 不限）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="29" />
      <location filename="../../ui/tabs/writing/params.py" line="34" />
      <source>off</source>
      <translation>关</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="30" />
      <location filename="../../ui/tabs/writing/params.py" line="112" />
      <source>How many alternative texts to write</source>
      <translation>生成几段不同的文本</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="32" />
      <source>Never repeat an n-gram of this size (0 = off)</source>
      <translation>不重复此长度的 n 元组（0 = 关）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="35" />
      <source>Sample</source>
      <translation>采样</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="38" />
      <source>Off: always take the most likely token (greedy/beam search)</source>
      <translation>关闭：总是选最可能的词元（贪心/束搜索）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="40" />
      <source>Higher is more varied</source>
      <translation>越高越多样</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="42" />
      <source>Sample among the k most likely tokens (0 = all)</source>
      <translation>只在最可能的 k 个词元中采样（0 = 全部）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="45" />
      <source>Nucleus sampling: keep this much probability mass</source>
      <translation>核采样：保留的概率质量</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="48" />
      <source>Above 1 discourages repeating tokens</source>
      <translation>大于 1 时抑制重复</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="50" />
      <source>Beam search width (transformers only)</source>
      <translation>束搜索宽度（仅 transformers）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="51" />
      <source>Early stopping</source>
      <translation>提前停止</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="53" />
      <source>Beam search stops when enough finished candidates exist</source>
      <translation>有足够完成的候选时束搜索停止</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="56" />
      <source>Same seed and settings give the same text</source>
      <translation>相同种子和设置得到相同文本</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="58" />
      <source>random</source>
      <translation>随机</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="60" />
      <source>e.g. \n\n | THE END</source>
      <translation>例如 \n\n | 完</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="61" />
      <source>Stop strings separated by |; \n means a new line, \t a tab, \| a literal bar</source>
      <translation>停止词用 | 分隔；\n 表示换行，\t 表示制表符，\| 表示竖线本身</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="64" />
      <source>Length</source>
      <translation>长度</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="66" />
      <source>Max new tokens</source>
      <translation>最多新词元</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="67" />
      <source>Max length</source>
      <translation>最大长度</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="68" />
      <source>Stop at</source>
      <translation>停止于</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="69" />
      <source>Sampling</source>
      <translation>采样</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="72" />
      <source>Temperature</source>
      <translation>温度</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="73" />
      <source>Top-k</source>
      <translation>Top-k</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="74" />
      <source>Top-p</source>
      <translation>Top-p</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="75" />
      <source>Repetition penalty</source>
      <translation>重复惩罚</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="76" />
      <source>Seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="77" />
      <source>Output</source>
      <translation>输出</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="79" />
      <source>Sequences</source>
      <translation>序列数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="80" />
      <source>No-repeat n-gram</source>
      <translation>禁止重复 n 元组</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="81" />
      <source>Beams</source>
      <translation>束数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/params.py" line="111" />
      <source>A conversation continues with one reply</source>
      <translation>对话每次只生成一条回复</translation>
    </message>
  </context>
  <context>
    <name>WritingTab</name>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="60" />
      <source>System prompt (optional): You are a helpful assistant.</source>
      <translation>系统提示词（可选）：你是一个乐于助人的助手。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="68" />
      <source>Write a prompt, or drop a .txt/.md file here. Ctrl+Enter generates, Esc stops.</source>
      <translation>输入提示词，或拖入 .txt/.md 文件。Ctrl+Enter 生成，Esc 停止。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="74" />
      <source>Generate</source>
      <translation>生成</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="75" />
      <source>Generate (Ctrl+Enter)</source>
      <translation>生成 (Ctrl+Enter)</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="76" />
      <source>Stop (Esc); the text so far is kept</source>
      <translation>停止 (Esc)；已生成的文本会保留</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="77" />
      <source>Continue</source>
      <translation>继续写</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="78" />
      <source>Append the output to the prompt and write more</source>
      <translation>把输出接到提示词后面继续生成</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="79" />
      <source>Regenerate</source>
      <translation>重新生成</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="80" />
      <source>Write the last answer again; the old one is kept as an alternative</source>
      <translation>重新生成上一个回答；旧回答会作为备选保留</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="81" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="82" />
      <source>Save…</source>
      <translation>保存…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="83" />
      <source>Clear conversation</source>
      <translation>清空对话</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="112" />
      <source>Mode</source>
      <translation>模式</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="212" />
      <source>Write a prompt first.</source>
      <translation>请先输入提示词。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="243" />
      <source>Starting…</source>
      <translation>正在开始…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="260" />
      <source>Save text</source>
      <translation>保存文本</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="261" />
      <source>Markdown (*.md);;Text (*.txt)</source>
      <translation>Markdown (*.md);;文本 (*.txt)</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="295" />
      <source>Saved to %1</source>
      <translation>已保存到 %1</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="323" />
      <source>Writing…</source>
      <translation>正在写作…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="325" />
      <location filename="../../ui/tabs/writing/tab.py" line="349" />
      <source>%1 tokens · %2 tok/s</source>
      <translation>%1 个词元 · %2 词元/秒</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="352" />
      <source> · first token after %1 s</source>
      <translation> · 首词元用时 %1 秒</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <location filename="../../ui/app.py" line="109" />
      <source>AIGC Studio</source>
      <translation>AIGC 工作室</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="110" />
      <source>Something went wrong. Your work was kept; details below.</source>
      <translation>出错了。你的内容已保留；详情如下。</translation>
    </message>
  </context>
  <context>
    <name>catalog</name>
    <message>
      <location filename="../../ui/texts.py" line="24" />
      <source>%1 · built in</source>
      <translation>%1 · 内置</translation>
    </message>
    <message>
      <source>99 languages including Chinese; CTranslate2.</source>
      <translation>支持包括中文在内的 99 种语言；CTranslate2 格式。</translation>
    </message>
    <message>
      <source>Fast multilingual chat model for CPUs.</source>
      <translation>适合 CPU 的快速多语言对话模型。</translation>
    </message>
    <message>
      <source>Fastest English-only model; CTranslate2.</source>
      <translation>最快的纯英文模型；CTranslate2 格式。</translation>
    </message>
    <message>
      <source>Multilingual chat model with good Chinese.</source>
      <translation>中文能力不错的多语言对话模型。</translation>
    </message>
    <message>
      <source>Natural male US English voice, 22 kHz.</source>
      <translation>自然的美式英语男声，22 kHz。</translation>
    </message>
    <message>
      <source>One to four steps at 512x512.</source>
      <translation>512x512 下只需一到四步。</translation>
    </message>
    <message>
      <source>Small English chat model (Q4_1 GGUF); runs offline on any CPU.</source>
      <translation>小型英文对话模型（Q4_1 GGUF）；可在任何 CPU 上离线运行。</translation>
    </message>
    <message>
      <source>The classic 512x512 model.</source>
      <translation>经典的 512x512 模型。</translation>
    </message>
    <message>
      <source>The classic completion model.</source>
      <translation>经典的续写模型。</translation>
    </message>
  </context>
  <context>
    <name>duration</name>
    <message>
      <location filename="../../ui/texts.py" line="36" />
      <source>%1 s</source>
      <translation>%1 秒</translation>
    </message>
    <message>
      <location filename="../../ui/texts.py" line="39" />
      <source>%1 min %2 s</source>
      <translation>%1 分 %2 秒</translation>
    </message>
    <message>
      <location filename="../../ui/texts.py" line="42" />
      <source>%1 h %2 min</source>
      <translation>%1 小时 %2 分</translation>
    </message>
  </context>
  <context>
    <name>core</name>
    <message>
      <source>Beam search runs on the transformers backend (llama.cpp has none).</source>
      <translation>束搜索在 transformers 后端运行（llama.cpp 不支持）。</translation>
    </message>
    <message>
      <source>Beam search with {beams} beams…</source>
      <translation>正在进行 {beams} 束的束搜索…</translation>
    </message>
    <message>
      <source>CUDA was chosen but no NVIDIA GPU is available; choose cpu or auto.</source>
      <translation>选择了 CUDA，但没有可用的 NVIDIA GPU；请选择 cpu 或自动。</translation>
    </message>
    <message>
      <source>Cannot open {name}: it does not exist.</source>
      <translation>无法打开 {name}：它不存在。</translation>
    </message>
    <message>
      <source>Cannot open {name}: it is a folder, a pipe or a device, not a text file.</source>
      <translation>无法打开 {name}：它是文件夹、管道或设备，不是文本文件。</translation>
    </message>
    <message>
      <source>Cannot save {name}: the folder {folder} does not exist.</source>
      <translation>无法保存 {name}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
      <source>Checking the model…</source>
      <translation>正在检查模型…</translation>
    </message>
    <message>
      <source>Converting the GGUF model for transformers (once, ~20 s)…</source>
      <translation>正在为 transformers 转换 GGUF 模型（只需一次，约 20 秒）…</translation>
    </message>
    <message>
      <source>Could not reach the model hub at {endpoint} to download {repo} ({reason}). Check the network connection, or use a mirror: set the HF endpoint in the settings (hf_endpoint, e.g. https://hf-mirror.com). Running the same command again resumes the download (files already downloaded are kept).</source>
      <translation>无法连接模型仓库 {endpoint} 来下载 {repo}（{reason}）。请检查网络连接，或使用镜像：在设置中设置 HF 端点（hf_endpoint，例如 https://hf-mirror.com）。再次运行同一命令即可继续下载（已下载的文件会保留）。</translation>
    </message>
    <message>
      <source>Could not read the GGUF file {path}: {reason}</source>
      <translation>无法读取 GGUF 文件 {path}：{reason}</translation>
    </message>
    <message>
      <source>Each history turn must be ("user" or "assistant", text); got {turn}.</source>
      <translation>每轮历史必须是（"user" 或 "assistant"，文本）；实际是 {turn}。</translation>
    </message>
    <message>
      <source>Early stopping applies to beam search only; it has no effect while sampling.</source>
      <translation>提前停止只适用于束搜索；采样时不起作用。</translation>
    </message>
    <message>
      <source>File not found: {name}</source>
      <translation>找不到文件：{name}</translation>
    </message>
    <message>
      <source>Force-stopped: the engine was restarted, so its loaded models were unloaded.</source>
      <translation>已强制停止：引擎已重启，已加载的模型已卸载。</translation>
    </message>
    <message>
      <source>Generating at most {room} new tokens: the prompt uses {prompt} of the model's {context}-token context.</source>
      <translation>最多生成 {room} 个新词元：提示词占用了模型 {context} 词元上下文中的 {prompt} 个。</translation>
    </message>
    <message>
      <source>Loading libraries…</source>
      <translation>正在加载库…</translation>
    </message>
    <message>
      <source>Loading model…</source>
      <translation>正在加载模型…</translation>
    </message>
    <message>
      <source>MPS was chosen but this machine has no Apple GPU; choose cpu.</source>
      <translation>选择了 MPS，但这台机器没有 Apple GPU；请选择 cpu。</translation>
    </message>
    <message>
      <source>Model not found: no such file or folder {ref} (and it is not a catalogue id).</source>
      <translation>找不到模型：没有文件或文件夹 {ref}（它也不是目录中的模型编号）。</translation>
    </message>
    <message>
      <source>No engine for the task {task}.</source>
      <translation>没有处理任务 {task} 的引擎。</translation>
    </message>
    <message>
      <source>No model chosen.</source>
      <translation>尚未选择模型。</translation>
    </message>
    <message>
      <source>Offline mode is on (HF_HUB_OFFLINE is set in the environment), so {repo} cannot be downloaded. Unset HF_HUB_OFFLINE (and TRANSFORMERS_OFFLINE) and try again.</source>
      <translation>离线模式已开启（环境变量 HF_HUB_OFFLINE 已设置），因此无法下载 {repo}。请取消 HF_HUB_OFFLINE（以及 TRANSFORMERS_OFFLINE）后重试。</translation>
    </message>
    <message>
      <source>Offline mode is on, so {repo} cannot be downloaded. Turn off the Offline switch in the settings and try again.</source>
      <translation>离线模式已开启，因此无法下载 {repo}。请在设置中关闭离线开关后重试。</translation>
    </message>
    <message>
      <source>Out of memory. Try a smaller model, fewer tokens or a smaller image.</source>
      <translation>内存不足。请尝试更小的模型、更少的词元或更小的图像。</translation>
    </message>
    <message>
      <source>Permission denied: {name}</source>
      <translation>没有权限：{name}</translation>
    </message>
    <message>
      <source>Prompt truncated to the last {keep} tokens to fit the model's context ({context} tokens, {floor} kept for new text).</source>
      <translation>提示词已截断为最后 {keep} 个词元，以适应模型的上下文（{context} 个词元，其中 {floor} 个留给新文本）。</translation>
    </message>
    <message>
      <source>Set max_new_tokens or max_length: the model needs to know when to stop.</source>
      <translation>请设置 max_new_tokens 或 max_length：模型需要知道何时停止。</translation>
    </message>
    <message>
      <source>Stop strings must be non-empty text.</source>
      <translation>停止词必须是非空文本。</translation>
    </message>
    <message>
      <source>The app is closing; the job was not started.</source>
      <translation>应用正在关闭；任务未启动。</translation>
    </message>
    <message>
      <source>The built-in model {id} is damaged: {file}: {problem}.</source>
      <translation>内置模型 {id} 已损坏：{file}：{problem}。</translation>
    </message>
    <message>
      <source>The built-in model {id} is not installed (package {package} missing). Run the set-up command from README.</source>
      <translation>内置模型 {id} 未安装（缺少软件包 {package}）。请运行 README 中的安装命令。</translation>
    </message>
    <message>
      <source>The disk is full. Free some space and try again.</source>
      <translation>磁盘已满。请腾出空间后重试。</translation>
    </message>
    <message>
      <source>The engine could not start ({reason}).</source>
      <translation>引擎无法启动（{reason}）。</translation>
    </message>
    <message>
      <source>The engine did not start within {seconds} s.</source>
      <translation>引擎未能在 {seconds} 秒内启动。</translation>
    </message>
    <message>
      <source>The engine finished but could not send the result to the window (see the engine log).</source>
      <translation>引擎已完成，但无法把结果发送到窗口（详见引擎日志）。</translation>
    </message>
    <message>
      <source>The engine stopped while the job was being sent; run it again.</source>
      <translation>发送任务时引擎停止了；请再运行一次。</translation>
    </message>
    <message>
      <source>The hub answered HTTP {status} while downloading {repo}. Try again later: running the same command again resumes the download (files already downloaded are kept).</source>
      <translation>下载 {repo} 时模型仓库返回 HTTP {status}。请稍后重试：再次运行同一命令即可继续下载（已下载的文件会保留）。</translation>
    </message>
    <message>
      <source>The hub has no file {file} in {repo} (HTTP 404).</source>
      <translation>模型仓库的 {repo} 中没有文件 {file}（HTTP 404）。</translation>
    </message>
    <message>
      <source>The hub has no model {repo} (HTTP 404). Check the name (owner/name).</source>
      <translation>模型仓库中没有模型 {repo}（HTTP 404）。请检查名称（所有者/名称）。</translation>
    </message>
    <message>
      <source>The hub refused access to {repo} (HTTP {status}): the model is gated or private, or does not exist. If it exists, accept its licence on its hub page and log in with `hf auth login`, then try again.</source>
      <translation>模型仓库拒绝访问 {repo}（HTTP {status}）：该模型需要授权、是私有的，或不存在。若它存在，请在其页面上接受许可协议，并用 `hf auth login` 登录后重试。</translation>
    </message>
    <message>
      <source>The llama.cpp backend needs a .gguf file; {ref} is not one.</source>
      <translation>llama.cpp 后端需要 .gguf 文件；{ref} 不是。</translation>
    </message>
    <message>
      <source>The model produced no text (it ended at once). Try again, raise the temperature or the token limit, or change the prompt.</source>
      <translation>模型没有生成任何文本（它立即结束了）。请重试、提高温度或词元上限，或修改提示词。</translation>
    </message>
    <message>
      <source>The model {name} ({repo}) is not downloaded yet. Download it with: aigc-studio models download {id}</source>
      <translation>模型 {name}（{repo}）尚未下载。下载命令：aigc-studio models download {id}</translation>
    </message>
    <message>
      <source>The model {name} has no chat template; use completion mode.</source>
      <translation>模型 {name} 没有对话模板；请使用续写模式。</translation>
    </message>
    <message>
      <source>The model {ref} is a {kind} model, not a {task} model.</source>
      <translation>模型 {ref} 是 {kind} 模型，不是 {task} 模型。</translation>
    </message>
    <message>
      <source>The model's chat template rejected the conversation: {reason}</source>
      <translation>模型的对话模板拒绝了这段对话：{reason}</translation>
    </message>
    <message>
      <source>The model's context ({context} tokens) is too small to generate text.</source>
      <translation>模型的上下文（{context} 个词元）太小，无法生成文本。</translation>
    </message>
    <message>
      <source>The model's files changed since this request was made ({old}, now {new}): the text may differ.</source>
      <translation>自这次请求以来模型文件已改变（原为 {old}，现为 {new}）：生成的文本可能不同。</translation>
    </message>
    <message>
      <source>The prompt is empty: type something for the model to continue or answer.</source>
      <translation>提示词为空：请输入一些内容，让模型续写或回答。</translation>
    </message>
    <message>
      <source>The system prompt and earlier turns are used only in chat mode.</source>
      <translation>系统提示词和之前的对话只在对话模式中使用。</translation>
    </message>
    <message>
      <source>The system prompt must be text.</source>
      <translation>系统提示词必须是文本。</translation>
    </message>
    <message>
      <source>The {engine} engine stopped unexpectedly ({reason}) {phase}; it has been restarted. Your prompt and earlier results are kept.</source>
      <translation>{engine}引擎在{phase}意外停止（{reason}），已重新启动。你的提示词和之前的结果都已保留。</translation>
    </message>
    <message>
      <source>The {engine} job was stopped because the engine had to be restarted (another job was force-stopped). Run it again.</source>
      <translation>{engine}任务已停止，因为引擎必须重启（另一个任务被强制停止）。请再运行一次。</translation>
    </message>
    <message>
      <source>The {engine} job was stopped because the engine was restarted to free memory. Run it again.</source>
      <translation>{engine}任务已停止，因为引擎为释放内存而重启。请再运行一次。</translation>
    </message>
    <message>
      <source>This llama.cpp build has no {kind} support; running on the CPU.</source>
      <translation>此 llama.cpp 版本不支持 {kind}；改在 CPU 上运行。</translation>
    </message>
    <message>
      <source>Unexpected error: {text}</source>
      <translation>意外错误：{text}</translation>
    </message>
    <message>
      <source>Unknown {name} {value}; choose one of {allowed}.</source>
      <translation>未知的 {name}：{value}；可选：{allowed}。</translation>
    </message>
    <message>
      <source>before the job started</source>
      <translation>任务开始前</translation>
    </message>
    <message>
      <source>do_sample must be true or false.</source>
      <translation>do_sample 必须是 true 或 false。</translation>
    </message>
    <message>
      <source>early_stopping must be true or false.</source>
      <translation>early_stopping 必须是 true 或 false。</translation>
    </message>
    <message>
      <source>exit code {code}</source>
      <translation>退出码 {code}</translation>
    </message>
    <message>
      <source>it could not be read ({reason})</source>
      <translation>无法读取它（{reason}）</translation>
    </message>
    <message>
      <source>it crashed with signal {signal}, {name}</source>
      <translation>因信号 {signal}（{name}）崩溃</translation>
    </message>
    <message>
      <source>it holds text that is not valid Unicode</source>
      <translation>其中含有无效的 Unicode 文本</translation>
    </message>
    <message>
      <source>it is not UTF-8 text</source>
      <translation>它不是 UTF-8 文本</translation>
    </message>
    <message>
      <source>it is not valid JSON: {reason}</source>
      <translation>它不是有效的 JSON：{reason}</translation>
    </message>
    <message>
      <source>killed by signal {signal}, probably out of memory</source>
      <translation>被信号 {signal} 终止，可能是内存不足</translation>
    </message>
    <message>
      <source>llama.cpp could not load {name}: not a valid GGUF model, or an architecture this llama.cpp does not support ({reason}).</source>
      <translation>llama.cpp 无法加载 {name}：它不是有效的 GGUF 模型，或是此版本 llama.cpp 不支持的架构（{reason}）。</translation>
    </message>
    <message>
      <source>llama.cpp has no beam search (needed for num_beams &gt; 1 and for several greedy texts): turn sampling on, or choose the transformers backend.</source>
      <translation>llama.cpp 没有束搜索（num_beams &gt; 1 或多段贪心文本都需要它）：请打开采样，或选择 transformers 后端。</translation>
    </message>
    <message>
      <source>llama.cpp is not installed (pip install llama-cpp-python); choose the transformers backend.</source>
      <translation>未安装 llama.cpp（pip install llama-cpp-python）；请选择 transformers 后端。</translation>
    </message>
    <message>
      <source>max_length ({max_length}) leaves no room for new tokens after the {prompt}-token prompt; raise max_length or use max_new_tokens.</source>
      <translation>max_length（{max_length}）在 {prompt} 个词元的提示词之后没有留下生成空间；请增大 max_length 或改用 max_new_tokens。</translation>
    </message>
    <message>
      <source>must be 0 (off) or more</source>
      <translation>必须为 0（关）或更大</translation>
    </message>
    <message>
      <source>must be a whole number of at least 1</source>
      <translation>必须是不小于 1 的整数</translation>
    </message>
    <message>
      <source>must be between 0 (greedy) and 100</source>
      <translation>必须在 0（贪心）到 100 之间</translation>
    </message>
    <message>
      <source>must be between {low} and {high}</source>
      <translation>必须在 {low} 到 {high} 之间</translation>
    </message>
    <message>
      <source>must be more than 0 and at most 1</source>
      <translation>必须大于 0 且不超过 1</translation>
    </message>
    <message>
      <source>must be more than 0; 1 means off</source>
      <translation>必须大于 0；1 表示关闭</translation>
    </message>
    <message>
      <source>painting</source>
      <translation>绘画</translation>
    </message>
    <message>
      <source>revision must be text.</source>
      <translation>revision 必须是文本。</translation>
    </message>
    <message>
      <source>stopped by signal {signal}, {name}</source>
      <translation>被信号 {signal}（{name}）停止</translation>
    </message>
    <message>
      <source>these values were not valid: {names}</source>
      <translation>这些值无效：{names}</translation>
    </message>
    <message>
      <source>transcription</source>
      <translation>转写</translation>
    </message>
    <message>
      <source>voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <source>while generating</source>
      <translation>生成时</translation>
    </message>
    <message>
      <source>while loading the model</source>
      <translation>加载模型时</translation>
    </message>
    <message>
      <source>writing</source>
      <translation>写作</translation>
    </message>
    <message>
      <source>{folder} is not a transformers model folder (no readable config.json).</source>
      <translation>{folder} 不是 transformers 模型文件夹（没有可读的 config.json）。</translation>
    </message>
    <message>
      <source>{name} has no .safetensors weights. AIGC Studio loads only safetensors; convert the model or pick a safetensors copy of it.</source>
      <translation>{name} 没有 .safetensors 权重。AIGC 工作室只加载 safetensors；请转换模型，或选用它的 safetensors 版本。</translation>
    </message>
    <message>
      <source>{name} is a file, not a model: choose a model folder or a {suffixes} file.</source>
      <translation>{name} 是普通文件，不是模型：请选择模型文件夹或 {suffixes} 文件。</translation>
    </message>
    <message>
      <source>{name} is not UTF-8 or GB18030 text.</source>
      <translation>{name} 不是 UTF-8 或 GB18030 文本。</translation>
    </message>
    <message>
      <source>{name} is not a GGUF file.</source>
      <translation>{name} 不是 GGUF 文件。</translation>
    </message>
    <message>
      <source>{name} is not a regular file (a pipe or a device?); choose a model folder or file.</source>
      <translation>{name} 不是普通文件（是管道或设备？）；请选择模型文件夹或文件。</translation>
    </message>
    <message>
      <source>{name} is not a text-generation (causal LM) model: {reason}</source>
      <translation>{name} 不是文本生成（因果语言）模型：{reason}</translation>
    </message>
    <message>
      <source>{name} is too large for a prompt ({mb} MB).</source>
      <translation>{name} 太大，不能用作提示词（{mb} MB）。</translation>
    </message>
    <message>
      <source>{name} looks like a binary file, not text.</source>
      <translation>{name} 看起来是二进制文件，不是文本。</translation>
    </message>
    <message>
      <source>{name} uses GGUF version {version}, which is too old.</source>
      <translation>{name} 使用的 GGUF 版本 {version} 太旧。</translation>
    </message>
    <message>
      <source>{name} was reset to defaults: {why}.</source>
      <translation>{name} 已恢复为默认值：{why}。</translation>
    </message>
    <message>
      <source>{name} was reset to defaults: {why}. The old file was kept as {kept}.</source>
      <translation>{name} 已恢复为默认值：{why}。原文件已保留为 {kept}。</translation>
    </message>
    <message>
      <source>{name} {rule} (got {value}).</source>
      <translation>{name} {rule}（当前为 {value}）。</translation>
    </message>
    <message>
      <source>{ref} is built in: nothing to download.</source>
      <translation>{ref} 是内置模型：无需下载。</translation>
    </message>
    <message>
      <source>{ref} is neither a catalogue id nor a hub repo id (owner/name).</source>
      <translation>{ref} 既不是目录中的模型编号，也不是模型仓库编号（所有者/名称）。</translation>
    </message>
    <message>
      <source>{task}</source>
      <translation>{task}</translation>
    </message>
    <message>
      <source>{text}</source>
      <translation>{text}</translation>
    </message>
  </context>
</TS>