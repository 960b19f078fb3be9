<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../studio/ui/widgets/chat_view.py" line="16" />
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../studio/ui/widgets/chat_view.py" line="16" />
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../studio/ui/widgets/chat_view.py" line="17" />
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../studio/ui/main_window.py" line="38" />
        <source>AIGC Studio</source>
        <translation>AIGC 工作室</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="44" />
        <source>Writing</source>
        <translation>写作</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="44" />
        <source>Painting</source>
        <translation>绘画</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="45" />
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="45" />
        <source>Transcription</source>
        <translation>转写</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="60" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="122" />
        <source>Device: %1 · %2</source>
        <translation>设备：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="124" />
        <source>Memory: %1</source>
        <translation>内存：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="146" />
        <source>Cannot open %1: no tab handles this kind of file.</source>
        <translation>无法打开 %1：没有标签页能处理这种文件。</translation>
    </message>
</context>
<context>
    <name>PaintingTab</name>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="36" />
        <source>Describe the picture: a lighthouse at dusk, oil painting</source>
        <translation>描述画面：黄昏的灯塔，油画</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="38" />
        <source>Negative prompt: what to avoid</source>
        <translation>反向提示词：要避免的内容</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="45" />
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="47" />
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="49" />
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="50" />
        <source>Guidance</source>
        <translation>引导强度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="51" />
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="52" />
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="53" />
        <source>Images</source>
        <translation>张数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="55" />
        <source>The image appears here while it is painted.</source>
        <translation>绘制过程中图像显示在这里。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="63" />
        <source>Paint</source>
        <translation>绘制</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="68" />
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="75" />
        <source>Gallery</source>
        <translation>图库</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="91" />
        <source>Start image: %1</source>
        <translation>起始图像：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/painting.py" line="94" />
        <source>Painting needs the diffusers engine, which is not in this version yet.</source>
        <translation>绘画需要 diffusers 引擎，此版本尚未包含。</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="35" />
        <source>auto picks an NVIDIA GPU, then Apple GPU, then the CPU</source>
        <translation>自动：依次选择 NVIDIA GPU、Apple GPU、CPU</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="39" />
        <source>auto: half precision on GPUs, float32 on the CPU</source>
        <translation>自动：GPU 上半精度，CPU 上 float32</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="42" />
        <source>auto (fastest)</source>
        <translation>自动（最快）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="43" />
        <source>llama.cpp runs GGUF files fast on CPUs; transformers runs any causal language model</source>
        <translation>llama.cpp 在 CPU 上快速运行 GGUF 文件；transformers 可运行任何因果语言模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="48" />
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="49" />
        <source>Idle models are unloaded before loading another would use more memory than this</source>
        <translation>加载新模型会超出此内存时，先卸载空闲模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="52" />
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="54" />
        <source>Takes effect the next time the app starts</source>
        <translation>下次启动时生效</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="57" />
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="60" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="61" />
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="62" />
        <source>Memory budget</source>
        <translation>内存预算</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="63" />
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="65" />
        <source>Writing</source>
        <translation>写作</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="65" />
        <source>Painting</source>
        <translation>绘画</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="66" />
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="66" />
        <source>Transcription</source>
        <translation>转写</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="73" />
        <source>Use a model folder or file on this computer</source>
        <translation>使用本机上的模型文件夹或文件</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="80" />
        <source>Writing backend</source>
        <translation>写作后端</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="82" />
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="84" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="101" />
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="109" />
        <source>%1, %2 cores</source>
        <translation>%1，%2 核</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="115" />
        <source>CPU: %1</source>
        <translation>CPU：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="123" />
        <source>auto: %1</source>
        <translation>自动：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="128" />
        <source>%1 (not available)</source>
        <translation>%1（不可用）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="155" />
        <source>built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="169" />
        <source>Choose a GGUF file, or cancel to pick a folder</source>
        <translation>选择 GGUF 文件，或取消以选择文件夹</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="170" />
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_panel.py" line="172" />
        <location filename="../../studio/ui/settings_panel.py" line="174" />
        <source>Choose a model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
</context>
<context>
    <name>TabBase</name>
    <message>
        <location filename="../../studio/ui/tabs/base.py" line="32" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>TranscriptionTab</name>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="33" />
        <source>Drop an audio file here, or record from the microphone</source>
        <translation>把音频文件拖到这里，或用麦克风录音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="35" />
        <source>Record</source>
        <translation>录音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="36" />
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="38" />
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="42" />
        <location filename="../../studio/ui/tabs/transcription.py" line="55" />
        <source>Transcribe</source>
        <translation>转写</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="43" />
        <source>Translate to English</source>
        <translation>翻译成英文</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="45" />
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="47" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="48" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="49" />
        <source>Beam size</source>
        <translation>束大小</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="51" />
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="51" />
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="51" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="53" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="78" />
        <source>Open audio</source>
        <translation>打开音频</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="79" />
        <source>Audio (%1)</source>
        <translation>音频 (%1)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="85" />
        <source>%1 is not an audio file this tab can open.</source>
        <translation>%1 不是此标签页能打开的音频文件。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="89" />
        <source>Audio: %1</source>
        <translation>音频：%1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/transcription.py" line="93" />
        <source>Transcription needs the Whisper engine, which is not in this version yet.</source>
        <translation>转写需要 Whisper 引擎，此版本尚未包含。</translation>
    </message>
</context>
<context>
    <name>VoiceTab</name>
    <message>
        <location filename="../../studio/ui/tabs/voice.py" line="25" />
        <source>Type or drop the text to speak</source>
        <translation>输入或拖入要朗读的文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/voice.py" line="27" />
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/voice.py" line="29" />
        <source>Speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/voice.py" line="30" />
        <source>Speak</source>
        <translation>朗读</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/voice.py" line="32" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/voice.py" line="33" />
        <source>Save WAV…</source>
        <translation>保存 WAV…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/voice.py" line="36" />
        <source>No speech yet.</source>
        <translation>还没有语音。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/voice.py" line="40" />
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/voice.py" line="53" />
        <source>Speech needs the Piper engine, which is not in this version yet.</source>
        <translation>语音需要 Piper 引擎，此版本尚未包含。</translation>
    </message>
</context>
<context>
    <name>WritingParams</name>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="23" />
        <source>Most tokens to generate</source>
        <translation>最多生成的词元数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="24" />
        <source>Prompt plus new tokens (0 = no limit)</source>
        <translation>提示词加新词元的总长度（0 = 不限）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="25" />
        <location filename="../../studio/ui/tabs/writing_params.py" line="30" />
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="26" />
        <source>How many alternative texts to write</source>
        <translation>生成几段不同的文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="28" />
        <source>Never repeat an n-gram of this size (0 = off)</source>
        <translation>不重复此长度的 n 元组（0 = 关）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="31" />
        <source>Sample</source>
        <translation>采样</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="34" />
        <source>Off: always take the most likely token (greedy/beam search)</source>
        <translation>关闭：总是选最可能的词元（贪心/束搜索）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="36" />
        <source>Higher is more varied</source>
        <translation>越高越多样</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="38" />
        <source>Sample among the k most likely tokens (0 = all)</source>
        <translation>只在最可能的 k 个词元中采样（0 = 全部）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="41" />
        <source>Nucleus sampling: keep this much probability mass</source>
        <translation>核采样：保留的概率质量</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="44" />
        <source>Above 1 discourages repeating tokens</source>
        <translation>大于 1 时抑制重复</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="46" />
        <source>Beam search width (transformers only)</source>
        <translation>束搜索宽度（仅 transformers）</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="47" />
        <source>Early stopping</source>
        <translation>提前停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="49" />
        <source>Beam search stops when enough finished candidates exist</source>
        <translation>有足够完成的候选时束搜索停止</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="52" />
        <source>Same seed and settings give the same text</source>
        <translation>相同种子和设置得到相同文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="54" />
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="56" />
        <source>e.g. \n\n | THE END</source>
        <translation>例如 \n\n | 完</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="57" />
        <source>Stop strings separated by |; \n means a new line</source>
        <translation>停止词用 | 分隔；\n 表示换行</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="59" />
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="61" />
        <source>Max new tokens</source>
        <translation>最多新词元</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="62" />
        <source>Max length</source>
        <translation>最大长度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="63" />
        <source>Stop at</source>
        <translation>停止于</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="64" />
        <source>Sampling</source>
        <translation>采样</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="67" />
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="68" />
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="69" />
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="70" />
        <source>Repetition penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="71" />
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="72" />
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="74" />
        <source>Sequences</source>
        <translation>序列数</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="75" />
        <source>No-repeat n-gram</source>
        <translation>禁止重复 n 元组</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing_params.py" line="76" />
        <source>Beams</source>
        <translation>束数</translation>
    </message>
</context>
<context>
    <name>WritingTab</name>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="59" />
        <source>Chat</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="60" />
        <source>Completion</source>
        <translation>续写</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="61" />
        <source>Chat uses the model's chat template; completion continues your text</source>
        <translation>对话使用模型的对话模板；续写接着你的文本往下写</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="64" />
        <source>System prompt (optional): You are a helpful assistant.</source>
        <translation>系统提示词（可选）：你是一个乐于助人的助手。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="73" />
        <source>Write a prompt, or drop a .txt/.md file here. Ctrl+Enter generates, Esc stops.</source>
        <translation>输入提示词，或拖入 .txt/.md 文件。Ctrl+Enter 生成，Esc 停止。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="79" />
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="80" />
        <source>Generate (Ctrl+Enter)</source>
        <translation>生成 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="81" />
        <source>Stop (Esc); the text so far is kept</source>
        <translation>停止 (Esc)；已生成的文本会保留</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="82" />
        <source>Continue</source>
        <translation>继续写</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="83" />
        <source>Append the output to the prompt and write more</source>
        <translation>把输出接到提示词后面继续生成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="84" />
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="85" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="86" />
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="87" />
        <source>Clear conversation</source>
        <translation>清空对话</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="122" />
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="167" />
        <source>A conversation continues with one reply</source>
        <translation>对话每次只生成一条回复</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="168" />
        <source>How many alternative texts to write</source>
        <translation>生成几段不同的文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="205" />
        <source>This model has no chat template</source>
        <translation>此模型没有对话模板</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="225" />
        <source>Write a prompt first.</source>
        <translation>请先输入提示词。</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="244" />
        <source>Text %1</source>
        <translation>文本 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="258" />
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="289" />
        <source>Save text</source>
        <translation>保存文本</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="290" />
        <source>Markdown (*.md);;Text (*.txt)</source>
        <translation>Markdown (*.md);;文本 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="322" />
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="349" />
        <source>Writing…</source>
        <translation>正在写作…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="352" />
        <location filename="../../studio/ui/tabs/writing.py" line="373" />
        <source>%1 tokens · %2 tok/s</source>
        <translation>%1 个词元 · %2 词元/秒</translation>
    </message>
    <message>
        <location filename="../../studio/ui/tabs/writing.py" line="376" />
        <source>Stopped; the text so far is kept.</source>
        <translation>已停止；已生成的文本已保留。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../studio/ui/app.py" line="50" />
        <source>AIGC Studio</source>
        <translation>AIGC 工作室</translation>
    </message>
    <message>
        <location filename="../../studio/ui/app.py" line="51" />
        <source>Something went wrong. Your work was kept; details below.</source>
        <translation>出错了。你的内容已保留；详情如下。</translation>
    </message>
</context>
</TS>