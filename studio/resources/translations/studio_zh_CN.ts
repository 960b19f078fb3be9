<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AudioPreview</name>
    <message>
      <location filename="../../ui/widgets/audio_preview.py" line="95" />
      <source>Reading %1…</source>
      <translation>正在读取 %1…</translation>
    </message>
  </context>
  <context>
    <name>AudioService</name>
    <message>
      <location filename="../../ui/audio_service.py" line="106" />
      <source>Devices cannot be re-scanned while recording.</source>
      <translation>录音时无法重新扫描设备。</translation>
    </message>
    <message>
      <location filename="../../ui/audio_service.py" line="125" />
      <source>Audio is still starting; try again in a moment.</source>
      <translation>音频仍在启动，请稍后再试。</translation>
    </message>
    <message>
      <location filename="../../ui/audio_service.py" line="127" />
      <source>Audio devices are being re-scanned; try again in a moment.</source>
      <translation>正在重新扫描音频设备，请稍后再试。</translation>
    </message>
  </context>
  <context>
    <name>AudioSettingsBox</name>
    <message>
      <location filename="../../ui/audio_settings.py" line="51" />
      <source>Audio</source>
      <translation>音频</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="58" />
      <source>Re-scan</source>
      <translation>重新扫描</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="59" />
      <source>Look again for microphones and speakers that were plugged in or removed</source>
      <translation>重新查找已插入或拔出的麦克风和扬声器</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="61" />
      <source>Test</source>
      <translation>测试</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="62" />
      <source>Record one second from the microphone and play it back on the speakers</source>
      <translation>用麦克风录制一秒钟，并在扬声器上回放</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="74" />
      <source>Microphone</source>
      <translation>麦克风</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="75" />
      <source>Speakers</source>
      <translation>扬声器</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="77" />
      <source>Level</source>
      <translation>电平</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="124" />
      <source>Looking for audio devices…</source>
      <translation>正在查找音频设备…</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="126" />
      <source>No microphone or speakers were found. Connect a device, then press Re-scan.</source>
      <translation>未找到麦克风或扬声器。请连接设备，然后点击“重新扫描”。</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="129" />
      <source>No microphone was found: recording is not possible.</source>
      <translation>未找到麦克风：无法录音。</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="132" />
      <source>No speakers were found: playback is not possible.</source>
      <translation>未找到扬声器：无法播放。</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="140" />
      <source>System default</source>
      <translation>系统默认</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="144" />
      <source>%1 (not connected)</source>
      <translation>%1（未连接）</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="169" />
      <source>Listening for one second: say something…</source>
      <translation>正在收听一秒钟：请说点什么…</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="189" />
      <source>The microphone sent no sound.</source>
      <translation>麦克风没有传来声音。</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="202" />
      <source>Nothing was heard (peak %1 dBFS). Check that the microphone is connected, not muted, and chosen above.</source>
      <translation>没有听到声音（峰值 %1 dBFS）。请检查麦克风已连接、未静音，并已在上面选中。</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="212" />
      <source>Heard sound (peak %1 dBFS). Playing it back…</source>
      <translation>已听到声音（峰值 %1 dBFS），正在回放…</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="231" />
      <source>Heard sound (peak %1 dBFS) and played it back. If you heard nothing, check the speakers chosen above.</source>
      <translation>已听到声音（峰值 %1 dBFS）并已回放。如果您什么也没听到，请检查上面选择的扬声器。</translation>
    </message>
    <message>
      <location filename="../../ui/audio_settings.py" line="240" />
      <source>Heard sound (peak %1 dBFS).</source>
      <translation>已听到声音（峰值 %1 dBFS）。</translation>
    </message>
  </context>
  <context>
    <name>AudioSource</name>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="25" />
      <location filename="../../ui/tabs/transcription/source.py" line="77" />
      <source>Drop an audio file here, or record from the microphone</source>
      <translation>把音频文件拖到这里，或用麦克风录音</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="27" />
      <source>Open file…</source>
      <translation>打开文件…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="57" />
      <source>Open audio</source>
      <translation>打开音频</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="58" />
      <source>Audio (%1)</source>
      <translation>音频 (%1)</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="65" />
      <source>%1 is not an audio file this tab can open.</source>
      <translation>%1 不是此标签页能打开的音频文件。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="69" />
      <location filename="../../ui/tabs/transcription/source.py" line="84" />
      <source>Audio: %1</source>
      <translation>音频：%1</translation>
    </message>
  </context>
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
    <name>LevelMeter</name>
    <message>
      <location filename="../../ui/widgets/level_meter.py" line="34" />
      <source>Input level (dBFS): the bar is the average loudness, the line the recent peak</source>
      <translation>输入电平（dBFS）：色条为平均响度，竖线为最近的峰值</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="84" />
      <source>AIGC Studio</source>
      <translation>AIGC 工作室</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="92" />
      <source>Writing</source>
      <translation>写作</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="92" />
      <source>Painting</source>
      <translation>绘画</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="93" />
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="93" />
      <source>Transcription</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="115" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="149" />
      <source>Memory of the window and of the engine process, where the models are loaded</source>
      <translation>窗口进程和引擎进程（模型加载在其中）占用的内存</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="152" />
      <source>Unload models</source>
      <translation>卸载模型</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="153" />
      <source>Free the memory of every loaded model that no job is using</source>
      <translation>释放所有未被任务使用的已加载模型的内存</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="187" />
      <source>The language changes when AIGC Studio starts again. 界面语言将在重新启动后生效。</source>
      <translation>界面语言将在重新启动后生效。 The language changes when AIGC Studio starts again.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="189" />
      <source>Restart now</source>
      <translation>立即重启</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="199" />
      <source>Recovered a recording from %1, %2</source>
      <translation>已恢复 %1 开始的一段录音，时长 %2</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="227" />
      <source>Unloaded %1 model(s); the engine freed %2.</source>
      <translation>已卸载 %1 个模型；引擎释放了 %2。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="235" />
      <source>Device: %1 · %2</source>
      <translation>设备：%1 · %2</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="238" />
      <source>not running</source>
      <translation>未运行</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="240" />
      <source>Memory: window %1 · engine %2</source>
      <translation>内存：窗口 %1 · 引擎 %2</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="295" />
      <source>Your settings could not be saved: %1</source>
      <translation>设置未能保存：%1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="302" />
      <source>Your drafts could not be saved: %1</source>
      <translation>草稿未能保存：%1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="261" />
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
    <name>RecorderWidget</name>
    <message>
      <location filename="../../ui/widgets/recorder_widget.py" line="42" />
      <location filename="../../ui/widgets/recorder_widget.py" line="47" />
      <location filename="../../ui/widgets/recorder_widget.py" line="124" />
      <source>Record</source>
      <translation>录音</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recorder_widget.py" line="43" />
      <source>Record from the microphone chosen in the settings</source>
      <translation>用设置中选择的麦克风录音</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recorder_widget.py" line="47" />
      <location filename="../../ui/widgets/recorder_widget.py" line="84" />
      <source>Stop recording</source>
      <translation>停止录音</translation>
    </message>
  </context>
  <context>
    <name>RecordingsList</name>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="103" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="103" />
      <source>Length</source>
      <translation>长度</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="103" />
      <source>Recorded</source>
      <translation>录制时间</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="118" />
      <source>Play</source>
      <translation>播放</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="119" />
      <source>Rename</source>
      <translation>重命名</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="120" />
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="121" />
      <source>Show folder</source>
      <translation>显示文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="122" />
      <source>Open the recordings folder in the file manager</source>
      <translation>在文件管理器中打开录音文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="143" />
      <source>Delete recordings</source>
      <translation>删除录音</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="200" />
      <source>“%1” cannot be a file name: use no / \ : * ? " &lt; &gt; | and do not start with a dot.</source>
      <translation>“%1”不能用作文件名：不要使用 / \ : * ? " &lt; &gt; |，也不要以点开头。</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="217" />
      <source>Delete “%1”? This cannot be undone.</source>
      <translation>删除“%1”？此操作无法撤销。</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="219" />
      <source>Delete %1 recordings? This cannot be undone.</source>
      <translation>删除 %1 个录音？此操作无法撤销。</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/recordings_list.py" line="240" />
      <source>A recording called “%1” exists already.</source>
      <translation>已有名为“%1”的录音。</translation>
    </message>
  </context>
  <context>
    <name>SettingsPanel</name>
    <message>
      <location filename="../../ui/settings_panel.py" line="42" />
      <source>auto picks an NVIDIA GPU, then Apple GPU, then the CPU</source>
      <translation>自动：依次选择 NVIDIA GPU、Apple GPU、CPU</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="46" />
      <source>auto: half precision on GPUs, float32 on the CPU</source>
      <translation>自动：GPU 上半精度，CPU 上 float32</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="49" />
      <source>auto (fastest)</source>
      <translation>自动（最快）</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="50" />
      <source>llama.cpp runs GGUF files fast on CPUs; transformers runs any causal language model</source>
      <translation>llama.cpp 在 CPU 上快速运行 GGUF 文件；transformers 可运行任何因果语言模型</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="55" />
      <source>no limit</source>
      <translation>不限</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="56" />
      <source>Idle models are unloaded before loading another would use more memory than this</source>
      <translation>加载新模型会超出此内存时，先卸载空闲模型</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="59" />
      <source>System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="61" />
      <source>Takes effect when the app starts again</source>
      <translation>重新启动后生效</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="64" />
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="65" />
      <source>After Stop, offer Force stop (restarting the engine) if a job is still running this long</source>
      <translation>按下停止后，任务若仍运行这么久，就提供“强制停止”（重启引擎）</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="69" />
      <source>Hardware</source>
      <translation>硬件</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="72" />
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="73" />
      <source>Precision</source>
      <translation>精度</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="74" />
      <source>Memory budget</source>
      <translation>内存预算</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="75" />
      <source>Models</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="77" />
      <source>Writing</source>
      <translation>写作</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="77" />
      <source>Painting</source>
      <translation>绘画</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="78" />
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="78" />
      <source>Transcription</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="85" />
      <source>Use a model folder or file on this computer</source>
      <translation>使用本机上的模型文件夹或文件</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="92" />
      <source>Writing backend</source>
      <translation>写作后端</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="94" />
      <source>Interface</source>
      <translation>界面</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="96" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="97" />
      <source>Force stop after</source>
      <translation>强制停止等待</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="119" />
      <source>auto</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="127" />
      <source>%1, %2 cores</source>
      <translation>%1，%2 核</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="133" />
      <source>CPU: %1</source>
      <translation>CPU：%1</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="141" />
      <source>auto: %1</source>
      <translation>自动：%1</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="146" />
      <source>%1 (not available)</source>
      <translation>%1（不可用）</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="174" />
      <source>built in</source>
      <translation>内置</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="188" />
      <source>Choose a GGUF file, or cancel to pick a folder</source>
      <translation>选择 GGUF 文件，或取消以选择文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="189" />
      <source>GGUF models (*.gguf)</source>
      <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="191" />
      <location filename="../../ui/settings_panel.py" line="193" />
      <source>Choose a model folder</source>
      <translation>选择模型文件夹</translation>
    </message>
  </context>
  <context>
    <name>TabBase</name>
    <message>
      <location filename="../../ui/tabs/base.py" line="71" />
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="124" />
      <source>The job has not stopped yet: the engine is busy inside a library call. Force stop restarts the engine; loaded models are unloaded, your work is kept.</source>
      <translation>任务尚未停止：引擎正忙于一次库调用。强制停止会重启引擎，已加载的模型会被卸载，你的内容会保留。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="126" />
      <source>Force stop</source>
      <translation>强制停止</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="156" />
      <source>about %1 left</source>
      <translation>约剩 %1</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="203" />
      <source>Stopped; what was made so far is kept.</source>
      <translation>已停止；已生成的内容已保留。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="205" />
      <source>Stopped before anything was made; the previous result is kept.</source>
      <translation>在生成任何内容之前已停止；之前的结果已保留。</translation>
    </message>
  </context>
  <context>
    <name>TranscriptionTab</name>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="47" />
      <source>Detect</source>
      <translation>自动检测</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="51" />
      <location filename="../../ui/tabs/transcription/tab.py" line="64" />
      <source>Transcribe</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="52" />
      <source>Translate to English</source>
      <translation>翻译成英文</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="54" />
      <source>Options</source>
      <translation>选项</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="56" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="57" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="58" />
      <source>Beam size</source>
      <translation>束大小</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="60" />
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="60" />
      <source>End</source>
      <translation>结束</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="60" />
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="62" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="81" />
      <source>Recordings</source>
      <translation>录音</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="117" />
      <source>Transcription needs the Whisper engine, which is not in this version yet.</source>
      <translation>转写需要 Whisper 引擎，此版本尚未包含。</translation>
    </message>
  </context>
  <context>
    <name>Transport</name>
    <message>
      <location filename="../../ui/widgets/transport.py" line="44" />
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/transport.py" line="73" />
      <source>Pause (Space)</source>
      <translation>暂停（空格键）</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/transport.py" line="74" />
      <source>Play (Space)</source>
      <translation>播放（空格键）</translation>
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
    <name>Waveform</name>
    <message>
      <location filename="../../ui/widgets/waveform.py" line="43" />
      <location filename="../../ui/widgets/waveform.py" line="71" />
      <source>No audio</source>
      <translation>没有音频</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/waveform.py" line="50" />
      <source>Click or drag to move the play position; Space plays or pauses</source>
      <translation>单击或拖动以移动播放位置；空格键播放或暂停</translation>
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
      <source>Audio is not available: the PortAudio library is missing ({detail}). On Debian or Ubuntu install the package libportaudio2.</source>
      <translation>音频不可用：缺少 PortAudio 库（{detail}）。在 Debian 或 Ubuntu 上请安装 libportaudio2 软件包。</translation>
    </message>
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
      <source>Cannot open {name}: it is a folder, not an audio file.</source>
      <translation>无法打开 {name}：它是文件夹，不是音频文件。</translation>
    </message>
    <message>
      <source>Cannot open {name}: it is a pipe or a device, not an audio file.</source>
      <translation>无法打开 {name}：它是管道或设备，不是音频文件。</translation>
    </message>
    <message>
      <source>Cannot open {name}: permission denied.</source>
      <translation>无法打开 {name}：权限不足。</translation>
    </message>
    <message>
      <source>Cannot read {name}: {reason}.</source>
      <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
      <source>Cannot save {name} as MP3: MP3 holds one or two channels at the usual rates (8000 to 48000 Hz), this audio has {channels} channels at {rate} Hz; choose WAV or FLAC.</source>
      <translation>无法将 {name} 保存为 MP3：MP3 只能保存常用采样率（8000 到 48000 Hz）的单声道或双声道音频，而这段音频是 {channels} 声道、{rate} Hz；请选择 WAV 或 FLAC。</translation>
    </message>
    <message>
      <source>Cannot save {name}: choose a file ending in .wav, .flac, .ogg or .mp3.</source>
      <translation>无法保存 {name}：请选择以 .wav、.flac、.ogg 或 .mp3 结尾的文件名。</translation>
    </message>
    <message>
      <source>Cannot save {name}: the disk is full.</source>
      <translation>无法保存 {name}：磁盘已满。</translation>
    </message>
    <message>
      <source>Cannot save {name}: the folder is read-only or you may not write there.</source>
      <translation>无法保存 {name}：文件夹是只读的，或你没有写入权限。</translation>
    </message>
    <message>
      <source>Cannot save {name}: the folder {folder} does not exist.</source>
      <translation>无法保存 {name}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
      <source>Cannot save {name}: there is no audio to save.</source>
      <translation>无法保存 {name}：没有可保存的音频。</translation>
    </message>
    <message>
      <source>Cannot save {name}: this system's libsndfile cannot write {format}; choose one of {choices}.</source>
      <translation>无法保存 {name}：本系统的 libsndfile 不能写入 {format}；请从 {choices} 中选择一种。</translation>
    </message>
    <message>
      <source>Cannot save {name}: {reason}</source>
      <translation>无法保存 {name}：{reason}</translation>
    </message>
    <message>
      <source>Cannot save {name}: {reason}.</source>
      <translation>无法保存 {name}：{reason}。</translation>
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
      <source>Could not use the {kind} device “{name}”: {detail}. If it was just unplugged or the system denied access, reconnect it or check the sound permissions.</source>
      <translation>无法使用{kind}设备“{name}”：{detail}。如果它刚被拔出或系统拒绝了访问，请重新连接或检查声音权限。</translation>
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
      <source>No audio {kind} device was found. Connect a microphone or headset (or check the system's sound settings) and try again.</source>
      <translation>未找到音频{kind}设备。请连接麦克风或耳机（或检查系统的声音设置）后重试。</translation>
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
      <source>Playback failed: {detail}</source>
      <translation>播放失败：{detail}</translation>
    </message>
    <message>
      <source>Prompt truncated to the last {keep} tokens to fit the model's context ({context} tokens, {floor} kept for new text).</source>
      <translation>提示词已截断为最后 {keep} 个词元，以适应模型的上下文（{context} 个词元，其中 {floor} 个留给新文本）。</translation>
    </message>
    <message>
      <source>Recording failed: {detail}. What was recorded so far was kept.</source>
      <translation>录音失败：{detail}。已录下的内容已保留。</translation>
    </message>
    <message>
      <source>Result {id} cannot be run again: its request does not fit this version ({reason}).</source>
      <translation>结果 {id} 无法再次运行：它的请求与此版本不符（{reason}）。</translation>
    </message>
    <message>
      <source>Result {id} cannot be run again: its request type {type} is not one this version knows.</source>
      <translation>结果 {id} 无法再次运行：此版本不认识它的请求类型 {type}。</translation>
    </message>
    <message>
      <source>Set max_new_tokens or max_length: the model needs to know when to stop.</source>
      <translation>请设置 max_new_tokens 或 max_length：模型需要知道何时停止。</translation>
    </message>
    <message>
      <source>Several {kind} devices match “{name}”: {names}.</source>
      <translation>有多个{kind}设备与“{name}”匹配：{names}。</translation>
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
      <source>The disk is full: recording stopped. The {seconds:.0f} s recorded so far were kept.</source>
      <translation>磁盘已满，录音已停止。已录下的 {seconds:.0f} 秒已保留。</translation>
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
      <source>The history could not be read ({reason}); a new one was started and the old file was kept as {kept}.</source>
      <translation>无法读取历史记录（{reason}）；已新建历史记录，原文件已保留为 {kept}。</translation>
    </message>
    <message>
      <source>The history could not be used: {reason}</source>
      <translation>无法使用历史记录：{reason}</translation>
    </message>
    <message>
      <source>The history is busy (another program is writing to it); try again.</source>
      <translation>历史记录正忙（另一个程序正在写入）；请重试。</translation>
    </message>
    <message>
      <source>The history is read-only: new results are not saved in it.</source>
      <translation>历史记录为只读：新结果不会保存到其中。</translation>
    </message>
    <message>
      <source>The history was written by a newer version of AIGC Studio (schema {found}; this version knows {known}). It is shown read-only and new results are not saved in it.</source>
      <translation>历史记录由更新版本的 AIGC Studio 写入（结构版本 {found}；此版本只支持到 {known}）。它以只读方式显示，新结果不会保存到其中。</translation>
    </message>
    <message>
      <source>The history {path} could not be opened: {reason}.</source>
      <translation>无法打开历史记录 {path}：{reason}。</translation>
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
      <source>The microphone stopped sending sound (was it unplugged?). The {seconds:.0f} s recorded so far were kept.</source>
      <translation>麦克风不再传来声音（是否被拔出？）。已录下的 {seconds:.0f} 秒已保留。</translation>
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
      <source>The result was not saved in the history: the disk is full. Earlier results are kept.</source>
      <translation>结果未保存到历史记录：磁盘已满。之前的结果仍然保留。</translation>
    </message>
    <message>
      <source>The speakers stopped playing (was the device unplugged?).</source>
      <translation>扬声器停止了播放（设备是否被拔出？）。</translation>
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
      <source>The {kind} device “{name}” does not support this sample rate ({detail}).</source>
      <translation>{kind}设备“{name}”不支持此采样率（{detail}）。</translation>
    </message>
    <message>
      <source>The {kind} device “{name}” is busy or unavailable. Close other programs using it and try again.</source>
      <translation>{kind}设备“{name}”正忙或不可用。请关闭正在使用它的其他程序后重试。</translation>
    </message>
    <message>
      <source>There is no {kind} device called “{name}”. Available: {names}.</source>
      <translation>没有名为“{name}”的{kind}设备。可用的有：{names}。</translation>
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
      <source>input</source>
      <translation>输入</translation>
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
      <source>output</source>
      <translation>输出</translation>
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
      <source>{name} contains no audio.</source>
      <translation>{name} 中没有音频。</translation>
    </message>
    <message>
      <source>{name} contains no audio: it is a video without a sound track.</source>
      <translation>{name} 中没有音频：它是没有音轨的视频。</translation>
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
      <source>{name} is damaged or cut short: {seconds} s of audio could be decoded.</source>
      <translation>{name} 已损坏或不完整：只解码出 {seconds} 秒音频。</translation>
    </message>
    <message>
      <source>{name} is damaged: no audio could be decoded from it ({reason}).</source>
      <translation>{name} 已损坏：无法从中解码出任何音频（{reason}）。</translation>
    </message>
    <message>
      <source>{name} is empty (0 bytes).</source>
      <translation>{name} 是空文件（0 字节）。</translation>
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
      <source>{name} is not an audio file, or its format is not supported.</source>
      <translation>{name} 不是音频文件，或其格式不受支持。</translation>
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
      <source>{name} uses an audio format ({codec}) that cannot be decoded here.</source>
      <translation>{name} 使用的音频格式（{codec}）在此无法解码。</translation>
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