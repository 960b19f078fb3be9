<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AudioPreview</name>
    <message>
      <location filename="../../ui/widgets/audio_preview.py" line="106" />
      <source>Reading %1…</source>
      <translation>正在读取 %1…</translation>
    </message>
  </context>
  <context>
    <name>AudioService</name>
    <message>
      <location filename="../../ui/audio_service.py" line="137" />
      <source>Devices cannot be re-scanned while recording.</source>
      <translation>录音时无法重新扫描设备。</translation>
    </message>
    <message>
      <location filename="../../ui/audio_service.py" line="156" />
      <source>Audio is still starting; try again in a moment.</source>
      <translation>音频仍在启动，请稍后再试。</translation>
    </message>
    <message>
      <location filename="../../ui/audio_service.py" line="158" />
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
      <location filename="../../ui/tabs/transcription/source.py" line="41" />
      <source>Open files…</source>
      <translation>打开文件…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="42" />
      <source>Transcribe audio or video files (several form a queue)</source>
      <translation>转写音频或视频文件（多个文件依次排队）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="45" />
      <source>Live</source>
      <translation>实时</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="46" />
      <source>Show the text while recording; the newest words are grey until the next part confirms them</source>
      <translation>边录边显示文字；最新的词显示为灰色，待下一段确认后定稿</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="48" />
      <source>Transcribe after recording</source>
      <translation>录音结束后转写</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="75" />
      <source>Drop audio or video files here, or record from the microphone</source>
      <translation>把音频或视频文件拖到这里，或用麦克风录音</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="92" />
      <source>Open audio or video</source>
      <translation>打开音频或视频</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="93" />
      <source>Audio and video (%1)</source>
      <translation>音频和视频 (%1)</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="101" />
      <source>%1 is not an audio or video file this tab can open.</source>
      <translation>%1 不是本标签页能打开的音频或视频文件。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/source.py" line="105" />
      <location filename="../../ui/tabs/transcription/source.py" line="119" />
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
    <name>DetailView</name>
    <message>
      <location filename="../../ui/history/detail.py" line="50" />
      <source>Use settings</source>
      <translation>使用设置</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="50" />
      <source>Load this request into its tab</source>
      <translation>把这次请求的设置载入它的标签页</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="51" />
      <source>Re-run</source>
      <translation>重新运行</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="51" />
      <source>Run the same request again (same seed: same result)</source>
      <translation>再次运行同一请求（种子相同，结果相同）</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="53" />
      <source>Favourite</source>
      <translation>收藏</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="53" />
      <source>Mark or unmark as a favourite</source>
      <translation>加入或取消收藏</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="54" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="54" />
      <source>Remove from the history</source>
      <translation>从历史记录中删除</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="55" />
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="55" />
      <source>Open the file, or show the text</source>
      <translation>打开文件，或显示文本</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="56" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="56" />
      <source>Copy the text (or the file paths)</source>
      <translation>复制文本（或文件路径）</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="57" />
      <source>Show in folder</source>
      <translation>在文件夹中显示</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="57" />
      <source>Open the folder that holds the file</source>
      <translation>打开文件所在的文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="88" />
      <source>Select a result to see it here.</source>
      <translation>选择一条结果，在这里查看。</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="109" />
      <source>★ Favourite</source>
      <translation>★ 已收藏</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="110" />
      <source>☆ Favourite</source>
      <translation>☆ 收藏</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="126" />
      <source>(deleted)</source>
      <translation>（已删除）</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="131" />
      <source>Made from</source>
      <translation>来源于</translation>
    </message>
    <message>
      <location filename="../../ui/history/detail.py" line="134" />
      <source>Used by</source>
      <translation>被用于</translation>
    </message>
  </context>
  <context>
    <name>DownloadPanel</name>
    <message>
      <location filename="../../ui/models/panel.py" line="74" />
      <source>Download</source>
      <translation>下载</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="75" />
      <source>Cancel download</source>
      <translation>取消下载</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="76" />
      <location filename="../../ui/models/panel.py" line="173" />
      <source>Resume</source>
      <translation>继续下载</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="77" />
      <source>Verify</source>
      <translation>校验</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="78" />
      <source>Check every file against the hub's hashes</source>
      <translation>按模型库给出的哈希值检查每个文件</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="79" />
      <location filename="../../ui/models/panel.py" line="183" />
      <source>Remove…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="80" />
      <source>Open folder</source>
      <translation>打开文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="81" />
      <location filename="../../ui/models/panel.py" line="189" />
      <source>Use for this task</source>
      <translation>用于此任务</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="122" />
      <source>Choose a model in the list</source>
      <translation>在列表中选择一个模型</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="145" />
      <source>Set access token…</source>
      <translation>设置访问令牌…</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="145" />
      <source>Set a mirror…</source>
      <translation>设置镜像…</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="146" />
      <source>Offline settings…</source>
      <translation>离线设置…</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="155" />
      <source>Folder or file on this computer: %1</source>
      <translation>本机上的文件夹或文件：%1</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="157" />
      <source>Files: %1</source>
      <translation>文件：%1</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="159" />
      <source>From the hub: %1</source>
      <translation>来自模型库：%1</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="173" />
      <source>Try again</source>
      <translation>重试</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="182" />
      <source>Remove from list</source>
      <translation>从列表中移除</translation>
    </message>
    <message>
      <location filename="../../ui/models/panel.py" line="188" />
      <source>Used for this task</source>
      <translation>已用于此任务</translation>
    </message>
  </context>
  <context>
    <name>DownloadsIndicator</name>
    <message>
      <location filename="../../ui/widgets/downloads_indicator.py" line="25" />
      <source>Downloads: click to open Models</source>
      <translation>下载：点击打开模型窗口</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/downloads_indicator.py" line="54" />
      <source>Downloaded %1</source>
      <translation>已下载 %1</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/downloads_indicator.py" line="62" />
      <source>Download failed: %1</source>
      <translation>下载失败：%1</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/downloads_indicator.py" line="74" />
      <source>Downloading %1 %2</source>
      <translation>正在下载 %1 %2</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/downloads_indicator.py" line="76" />
      <source>%1 downloads %2</source>
      <translation>%1 个下载 %2</translation>
    </message>
  </context>
  <context>
    <name>EndpointForm</name>
    <message>
      <location filename="../../ui/endpoints/form.py" line="37" />
      <source>A short name: letters, digits, dots, dashes or underscores</source>
      <translation>简短名称：字母、数字、点、短横线或下划线</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="41" />
      <source>The server's OpenAI-compatible address; /v1 is added unless it ends with it</source>
      <translation>服务器的 OpenAI 兼容地址；若不以 /v1 结尾会自动补上</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="45" />
      <source>Kept in the system keyring, never in the settings files, never shown again</source>
      <translation>保存在系统密钥环中，从不写入设置文件，也不会再次显示</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="48" />
      <source>Forget key</source>
      <translation>删除密钥</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="52" />
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="53" />
      <source>How long to wait for the server to connect, and between two pieces of its answer</source>
      <translation>等待服务器建立连接以及两段应答之间的最长时间</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="55" />
      <source>Verify the TLS certificate</source>
      <translation>验证 TLS 证书</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="56" />
      <source>Turn off only for a self-signed certificate on a network you trust</source>
      <translation>仅在可信网络中使用自签名证书时才关闭</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="67" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="68" />
      <source>Base URL</source>
      <translation>基础 URL</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="72" />
      <source>API key</source>
      <translation>API 密钥</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="74" />
      <source>Timeout</source>
      <translation>超时</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="96" />
      <source>Saving…</source>
      <translation>正在保存…</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="100" />
      <source>The API key is stored in the system keyring.</source>
      <translation>API 密钥已保存在系统密钥环中。</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="102" />
      <source>The API key is stored.</source>
      <translation>API 密钥已保存。</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="104" />
      <source>No API key stored (a server on this computer often needs none).</source>
      <translation>未保存 API 密钥（本机上的服务器通常不需要）。</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="106" />
      <source>stored; type a new one to replace it</source>
      <translation>已保存；输入新令牌可替换</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="107" />
      <source>optional</source>
      <translation>可选</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="140" />
      <source>The offline switch is on: %1 is not on this computer, so it cannot be used until the switch is turned off.</source>
      <translation>离线开关已打开：%1 不在本机上，关闭离线开关之前无法使用。</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/form.py" line="144" />
      <source>Plain HTTP to another computer: an API key would travel unencrypted (you will be asked before it is sent).</source>
      <translation>明文 HTTP 连接另一台计算机：API 密钥将以未加密方式传输（发送前会先询问你）。</translation>
    </message>
  </context>
  <context>
    <name>EndpointsDialog</name>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="43" />
      <source>Endpoints</source>
      <translation>端点</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="51" />
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="52" />
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="54" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="55" />
      <source>Test</source>
      <translation>测试</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="56" />
      <source>List the server's models and time its answer</source>
      <translation>列出服务器的模型并测量其应答时间</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="176" />
      <source>Remove endpoint</source>
      <translation>删除端点</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="177" />
      <source>Remove %1 and its stored API key? Tabs that run on it go back to a model on this computer.</source>
      <translation>删除 %1 及其保存的 API 密钥吗？使用它的标签页将改回本机上的模型。</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="197" />
      <source>Send the API key unencrypted?</source>
      <translation>以未加密方式发送 API 密钥？</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="198" />
      <source>%1 uses plain HTTP to another computer (%2): the API key would travel unencrypted, readable by anyone on the network between. Use https if the server offers it.

Send the key over plain HTTP to this server anyway?</source>
      <translation>%1 通过明文 HTTP 连接另一台计算机（%2）：API 密钥将以未加密方式传输，途经网络上的任何人都能读取。如果服务器支持，请使用 https。

仍要通过明文 HTTP 将密钥发送到此服务器吗？</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="202" />
      <source>Not confirmed: the key is not sent over plain HTTP. Use an https:// address, or no key.</source>
      <translation>未确认：密钥不会通过明文 HTTP 发送。请使用 https:// 地址，或不使用密钥。</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="219" />
      <source>There is already an endpoint named %1.</source>
      <translation>已经有名为 %1 的端点。</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="240" />
      <source>Asking %1 for its models…</source>
      <translation>正在向 %1 查询模型…</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="259" />
      <source>%1 model(s) · answered in %2 ms</source>
      <translation>%1 个模型 · %2 毫秒内应答</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="261" />
      <source>Writing</source>
      <translation>写作</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="261" />
      <source>Painting</source>
      <translation>绘画</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="262" />
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="262" />
      <source>Transcription</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="263" />
      <source>not used here</source>
      <translation>此处不使用</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/dialog.py" line="282" />
      <source>Not saved: %1</source>
      <translation>未保存：%1</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <location filename="../../ui/history/filters.py" line="27" />
      <source>Search prompts and texts</source>
      <translation>搜索提示词和文本</translation>
    </message>
    <message>
      <location filename="../../ui/history/filters.py" line="30" />
      <source>All tasks</source>
      <translation>全部任务</translation>
    </message>
    <message>
      <location filename="../../ui/history/filters.py" line="34" />
      <source>Any time</source>
      <translation>全部时间</translation>
    </message>
    <message>
      <location filename="../../ui/history/filters.py" line="34" />
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <location filename="../../ui/history/filters.py" line="35" />
      <source>Last 7 days</source>
      <translation>最近 7 天</translation>
    </message>
    <message>
      <location filename="../../ui/history/filters.py" line="35" />
      <source>Last 30 days</source>
      <translation>最近 30 天</translation>
    </message>
    <message>
      <location filename="../../ui/history/filters.py" line="38" />
      <source>All models</source>
      <translation>全部模型</translation>
    </message>
    <message>
      <location filename="../../ui/history/filters.py" line="42" />
      <source>★ Favourites</source>
      <translation>★ 收藏</translation>
    </message>
    <message>
      <location filename="../../ui/history/filters.py" line="43" />
      <source>Show only the results marked as favourites</source>
      <translation>只显示已收藏的结果</translation>
    </message>
  </context>
  <context>
    <name>History</name>
    <message>
      <location filename="../../ui/history/labels.py" line="18" />
      <source>Writing</source>
      <translation>写作</translation>
    </message>
    <message>
      <location filename="../../ui/history/labels.py" line="19" />
      <source>Painting</source>
      <translation>绘画</translation>
    </message>
    <message>
      <location filename="../../ui/history/labels.py" line="20" />
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <location filename="../../ui/history/labels.py" line="21" />
      <source>Transcription</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/history/labels.py" line="42" />
      <source>stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <location filename="../../ui/history/labels.py" line="49" />
      <source>file missing</source>
      <translation>文件缺失</translation>
    </message>
    <message>
      <location filename="../../ui/history/labels.py" line="50" />
      <source>%1 of %2 files missing</source>
      <translation>%2 个文件中缺失 %1 个</translation>
    </message>
  </context>
  <context>
    <name>HistoryDock</name>
    <message>
      <location filename="../../ui/history/dock.py" line="29" />
      <location filename="../../ui/history/dock.py" line="39" />
      <source>History</source>
      <translation>历史记录</translation>
    </message>
    <message>
      <location filename="../../ui/history/dock.py" line="41" />
      <source>Show or hide everything made so far (Ctrl+H)</source>
      <translation>显示或隐藏至今生成的全部内容（Ctrl+H）</translation>
    </message>
    <message>
      <location filename="../../ui/history/dock.py" line="62" />
      <source>The %1 tab cannot take results back in this version.</source>
      <translation>此版本的%1标签页还不能载入历史结果。</translation>
    </message>
    <message>
      <location filename="../../ui/history/dock.py" line="86" />
      <source>Loaded the settings of result #%1.</source>
      <translation>已载入结果 #%1 的设置。</translation>
    </message>
  </context>
  <context>
    <name>HistoryPanel</name>
    <message>
      <location filename="../../ui/history/panel.py" line="127" />
      <source>1 result</source>
      <translation>1 条结果</translation>
    </message>
    <message>
      <location filename="../../ui/history/panel.py" line="128" />
      <source>%1 results</source>
      <translation>%1 条结果</translation>
    </message>
    <message>
      <location filename="../../ui/history/panel.py" line="130" />
      <source>Nothing matches.</source>
      <translation>没有匹配的结果。</translation>
    </message>
    <message>
      <location filename="../../ui/history/panel.py" line="132" />
      <source>Nothing here yet: finished results appear here.</source>
      <translation>这里还没有内容：完成的结果会显示在这里。</translation>
    </message>
    <message>
      <location filename="../../ui/history/panel.py" line="242" />
      <source>Delete result</source>
      <translation>删除结果</translation>
    </message>
    <message>
      <location filename="../../ui/history/panel.py" line="244" />
      <source>Delete “%1” from the history? Its files can be deleted too.</source>
      <translation>从历史记录中删除“%1”吗？也可以同时删除它的文件。</translation>
    </message>
    <message>
      <location filename="../../ui/history/panel.py" line="246" />
      <source>Delete with its files</source>
      <translation>连同文件一起删除</translation>
    </message>
    <message>
      <location filename="../../ui/history/panel.py" line="248" />
      <source>Delete, keep the files</source>
      <translation>删除，保留文件</translation>
    </message>
    <message>
      <location filename="../../ui/history/panel.py" line="251" />
      <source>Delete “%1” from the history?</source>
      <translation>从历史记录中删除“%1”吗？</translation>
    </message>
    <message>
      <location filename="../../ui/history/panel.py" line="253" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
  </context>
  <context>
    <name>HistoryService</name>
    <message>
      <location filename="../../ui/history_service.py" line="212" />
      <source>This result was not saved in the history: %1</source>
      <translation>此结果未保存到历史记录：%1</translation>
    </message>
    <message>
      <location filename="../../ui/history_service.py" line="216" />
      <source>The history is not available.</source>
      <translation>历史记录不可用。</translation>
    </message>
  </context>
  <context>
    <name>HubSettingsBox</name>
    <message>
      <location filename="../../ui/hub_settings.py" line="53" />
      <source>Downloads</source>
      <translation>下载</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="60" />
      <source>Where models are downloaded from: empty for huggingface.co, or a mirror such as %1 where the main hub is blocked or slow</source>
      <translation>从哪里下载模型：留空为 huggingface.co；在主站无法访问或很慢的地方可填镜像，例如 %1</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="62" />
      <source>Offline: never use the network</source>
      <translation>离线：从不使用网络</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="64" />
      <source>Downloads are refused; only models already on this computer are used</source>
      <translation>拒绝下载；只使用本机已有的模型</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="68" />
      <source>Where downloaded models are kept; empty for the standard Hugging Face cache, so models you already have are found</source>
      <translation>下载的模型保存在哪里；留空则使用标准的 Hugging Face 缓存，这样能找到你已有的模型</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="73" />
      <location filename="../../ui/hub_settings.py" line="172" />
      <source>Choose the folder for downloaded models</source>
      <translation>选择存放下载模型的文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="76" />
      <location filename="../../ui/hub_settings.py" line="195" />
      <source>hf_… (for gated models)</source>
      <translation>hf_…（用于需授权的模型）</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="77" />
      <source>A Hugging Face access token, for models whose licence you accepted on the hub. It is kept in the system keyring, never in the settings file.</source>
      <translation>Hugging Face 访问令牌，用于你已在模型库上接受许可证的模型。它保存在系统密钥环中，从不写入设置文件。</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="81" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="83" />
      <source>Forget</source>
      <translation>清除</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="84" />
      <source>Remove the stored access token</source>
      <translation>删除已保存的访问令牌</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="94" />
      <source>Hub</source>
      <translation>模型库</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="99" />
      <source>Cache folder</source>
      <translation>缓存文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="104" />
      <source>Access token</source>
      <translation>访问令牌</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="149" />
      <source>The hub address must start with https:// (or http://), e.g. %1</source>
      <translation>模型库地址必须以 https://（或 http://）开头，例如 %1</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="164" />
      <source>The cache folder must be a full path, e.g. %1</source>
      <translation>缓存文件夹必须是完整路径，例如 %1</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="185" />
      <source>Saving the access token…</source>
      <translation>正在保存访问令牌…</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="196" />
      <source>No access token: gated models cannot be downloaded.</source>
      <translation>没有访问令牌：无法下载需授权的模型。</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="199" />
      <source>stored; type a new one to replace it</source>
      <translation>已保存；输入新令牌可替换</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="200" />
      <source>The access token is stored in the system keyring.</source>
      <translation>访问令牌已保存在系统密钥环中。</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="201" />
      <source>The access token is stored.</source>
      <translation>访问令牌已保存。</translation>
    </message>
    <message>
      <location filename="../../ui/hub_settings.py" line="216" />
      <source>The access token was not saved: %1</source>
      <translation>访问令牌未保存：%1</translation>
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
    <name>LiveTranscriber</name>
    <message>
      <location filename="../../ui/tabs/transcription/live.py" line="212" />
      <source>Live: the text is %1 s behind</source>
      <translation>实时：文字落后 %1 秒</translation>
    </message>
  </context>
  <context>
    <name>LoadedModels</name>
    <message>
      <location filename="../../ui/widgets/loaded_models.py" line="20" />
      <source>in use</source>
      <translation>使用中</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/loaded_models.py" line="29" />
      <source>No model loaded</source>
      <translation>未加载模型</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/loaded_models.py" line="31" />
      <source>Memory budget: %1</source>
      <translation>内存预算：%1</translation>
    </message>
  </context>
  <context>
    <name>LoadedModelsButton</name>
    <message>
      <location filename="../../ui/widgets/loaded_models.py" line="43" />
      <source>Models loaded in the engine process, with their memory</source>
      <translation>引擎进程中已加载的模型及其内存</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/loaded_models.py" line="53" />
      <location filename="../../ui/widgets/loaded_models.py" line="67" />
      <source>No model loaded</source>
      <translation>未加载模型</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/loaded_models.py" line="54" />
      <source>Models loaded: %1</source>
      <translation>已加载模型：%1</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/loaded_models.py" line="64" />
      <source>A job is using it: it stays loaded</source>
      <translation>有任务正在使用：保持加载</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/loaded_models.py" line="70" />
      <source>Memory budget: %1</source>
      <translation>内存预算：%1</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/loaded_models.py" line="73" />
      <source>Unload models</source>
      <translation>卸载模型</translation>
    </message>
  </context>
  <context>
    <name>LoraList</name>
    <message>
      <location filename="../../ui/tabs/painting/loras.py" line="31" />
      <source>LoRA file</source>
      <translation>LoRA 文件</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/loras.py" line="31" />
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/loras.py" line="39" />
      <source>Add LoRA…</source>
      <translation>添加 LoRA…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/loras.py" line="40" />
      <source>A .safetensors LoRA file; its weight scales its effect (0 = off)</source>
      <translation>.safetensors 格式的 LoRA 文件；权重决定其效果强弱（0 = 关闭）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/loras.py" line="42" />
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/loras.py" line="57" />
      <source>Add LoRA files</source>
      <translation>添加 LoRA 文件</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/loras.py" line="58" />
      <source>LoRA (*.safetensors)</source>
      <translation>LoRA (*.safetensors)</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="91" />
      <source>AIGC Studio</source>
      <translation>AIGC 工作室</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="99" />
      <source>Writing</source>
      <translation>写作</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="99" />
      <source>Painting</source>
      <translation>绘画</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="100" />
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="100" />
      <source>Transcription</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="125" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="176" />
      <source>Memory of the window and of the engine process, where the models are loaded</source>
      <translation>窗口进程和引擎进程（模型加载在其中）占用的内存</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="179" />
      <source>Unload models</source>
      <translation>卸载模型</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="180" />
      <source>Free the memory of every loaded model that no job is using</source>
      <translation>释放所有未被任务使用的已加载模型的内存</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="226" />
      <source>The language changes when AIGC Studio starts again. 界面语言将在重新启动后生效。</source>
      <translation>界面语言将在重新启动后生效。 The language changes when AIGC Studio starts again.</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="228" />
      <source>Restart now</source>
      <translation>立即重启</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="238" />
      <source>Recovered a recording from %1, %2</source>
      <translation>已恢复 %1 开始的一段录音，时长 %2</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="266" />
      <source>Unloaded %1 model(s); the engine freed %2.</source>
      <translation>已卸载 %1 个模型；引擎释放了 %2。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="274" />
      <source>Device: %1 · %2</source>
      <translation>设备：%1 · %2</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="277" />
      <source>not running</source>
      <translation>未运行</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="279" />
      <source>Memory: window %1 · engine %2</source>
      <translation>内存：窗口 %1 · 引擎 %2</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="335" />
      <source>Your settings could not be saved: %1</source>
      <translation>设置未能保存：%1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="342" />
      <source>Your drafts could not be saved: %1</source>
      <translation>草稿未能保存：%1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="301" />
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
    <name>ModelListModel</name>
    <message>
      <location filename="../../ui/models/list_model.py" line="93" />
      <source>Model</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../ui/models/list_model.py" line="93" />
      <source>Size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <location filename="../../ui/models/list_model.py" line="93" />
      <source>Licence</source>
      <translation>许可证</translation>
    </message>
    <message>
      <location filename="../../ui/models/list_model.py" line="93" />
      <source>Languages</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../ui/models/list_model.py" line="94" />
      <source>Runs on</source>
      <translation>运行于</translation>
    </message>
    <message>
      <location filename="../../ui/models/list_model.py" line="94" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../ui/models/list_model.py" line="145" />
      <source>Used for this task</source>
      <translation>已用于此任务</translation>
    </message>
  </context>
  <context>
    <name>ModelState</name>
    <message>
      <location filename="../../ui/tabs/painting/model_state.py" line="104" />
      <source>Download %1 (%2; it runs on a CPU too), or use a model folder or .safetensors file you already have.</source>
      <translation>下载 %1（%2；在 CPU 上也能运行），或使用你已有的模型文件夹或 .safetensors 文件。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/model_state.py" line="106" />
      <source>Download %1…</source>
      <translation>下载 %1…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/model_state.py" line="108" />
      <source>Or use a model folder or .safetensors file you already have.</source>
      <translation>或使用你已有的模型文件夹或 .safetensors 文件。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/model_state.py" line="110" />
      <source>%1 (%2) runs on a CPU too: aigc-studio models download %3</source>
      <translation>%1（%2）在 CPU 上也能运行：aigc-studio models download %3</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/model_state.py" line="113" />
      <source>Open model folder…</source>
      <translation>打开模型文件夹…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/model_state.py" line="114" />
      <source>Open model file…</source>
      <translation>打开模型文件…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/model_state.py" line="116" />
      <source>Check again</source>
      <translation>重新检查</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/model_state.py" line="124" />
      <source>Choose a Stable Diffusion model folder (diffusers)</source>
      <translation>选择 Stable Diffusion 模型文件夹（diffusers 格式）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/model_state.py" line="129" />
      <source>Choose a Stable Diffusion checkpoint</source>
      <translation>选择 Stable Diffusion 检查点</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/model_state.py" line="130" />
      <source>Safetensors checkpoints (*.safetensors)</source>
      <translation>Safetensors 检查点 (*.safetensors)</translation>
    </message>
  </context>
  <context>
    <name>Models</name>
    <message>
      <location filename="../../ui/models/labels.py" line="21" />
      <source>Built in</source>
      <translation>内置</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="22" />
      <location filename="../../ui/models/labels.py" line="83" />
      <source>Downloaded</source>
      <translation>已下载</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="23" />
      <source>Partly downloaded: resume to go on</source>
      <translation>部分已下载：继续下载即可接着下</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="25" />
      <source>In the cache</source>
      <translation>在缓存中</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="26" />
      <source>Not downloaded</source>
      <translation>未下载</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="27" />
      <source>On this computer</source>
      <translation>在本机上</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="28" />
      <source>Missing: the folder or file is gone</source>
      <translation>缺失：文件夹或文件已不存在</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="37" />
      <source>CPU or GPU</source>
      <translation>CPU 或 GPU</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="38" />
      <source>GPU</source>
      <translation>GPU</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="42" />
      <source>many languages</source>
      <translation>多种语言</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="48" />
      <source>%1/s</source>
      <translation>%1/秒</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="53" />
      <source>%1 of %2</source>
      <translation>%1 / %2</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="60" />
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="62" />
      <source>Queued</source>
      <translation>排队中</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="64" />
      <source>Asking the hub…</source>
      <translation>正在询问模型库…</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="71" />
      <source>%1 left</source>
      <translation>剩余 %1</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="75" />
      <source>Failed: %1</source>
      <translation>失败：%1</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="79" />
      <source>Cancelled at %1: resume to go on</source>
      <translation>已在 %1 处取消：继续下载即可接着下</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="82" />
      <source>Cancelled: resume to go on</source>
      <translation>已取消：继续下载即可接着下</translation>
    </message>
    <message>
      <location filename="../../ui/models/labels.py" line="97" />
      <source>File %1 of %2: %3</source>
      <translation>第 %1 个文件，共 %2 个：%3</translation>
    </message>
  </context>
  <context>
    <name>ModelsDialog</name>
    <message>
      <location filename="../../ui/models/dialog.py" line="50" />
      <source>Models</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../ui/models/dialog.py" line="64" />
      <source>Search by name, language, licence…</source>
      <translation>按名称、语言、许可证搜索…</translation>
    </message>
    <message>
      <location filename="../../ui/models/dialog.py" line="66" />
      <source>Offline mode is on: downloads are refused. Turn it off in the settings to download.</source>
      <translation>离线模式已开启：下载会被拒绝。要下载，请在设置中关闭离线模式。</translation>
    </message>
    <message>
      <location filename="../../ui/models/dialog.py" line="245" />
      <source>its files</source>
      <translation>它的文件</translation>
    </message>
    <message>
      <location filename="../../ui/models/dialog.py" line="246" />
      <source>Delete %1 from the disk? This frees %2. It can be downloaded again later.</source>
      <translation>从磁盘删除 %1？这将释放 %2。以后可以重新下载。</translation>
    </message>
    <message>
      <location filename="../../ui/models/dialog.py" line="248" />
      <source>Remove model</source>
      <translation>删除模型</translation>
    </message>
  </context>
  <context>
    <name>OtherModelBar</name>
    <message>
      <location filename="../../ui/models/actions.py" line="87" />
      <source>Hub repo id (owner/name) or a file URL</source>
      <translation>模型库仓库 ID（owner/name）或文件网址</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="88" />
      <source>Download</source>
      <translation>下载</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="89" />
      <source>Add folder or file…</source>
      <translation>添加文件夹或文件…</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="90" />
      <source>A model folder, or a .gguf/.safetensors/.onnx file (or drop it onto this window)</source>
      <translation>模型文件夹，或 .gguf/.safetensors/.onnx 文件（也可拖放到此窗口）</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="92" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="95" />
      <source>Other model:</source>
      <translation>其他模型：</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="115" />
      <source>Choose a model file, or cancel to pick a folder</source>
      <translation>选择模型文件，或取消以选择文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="116" />
      <source>Model files (*.gguf *.safetensors *.onnx)</source>
      <translation>模型文件 (*.gguf *.safetensors *.onnx)</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="118" />
      <source>Choose a model folder</source>
      <translation>选择模型文件夹</translation>
    </message>
  </context>
  <context>
    <name>PaintParams</name>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="44" />
      <source>Denoising steps (auto: the model's own)</source>
      <translation>去噪步数（自动：模型自己的默认值）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="48" />
      <source>How closely to follow the prompt (CFG scale)</source>
      <translation>多紧密地遵循提示词（CFG 系数）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="49" />
      <source>Width in pixels, a multiple of 8</source>
      <translation>宽度（像素），须为 8 的倍数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="50" />
      <source>Height in pixels, a multiple of 8</source>
      <translation>高度（像素），须为 8 的倍数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="59" />
      <source>The same seed and settings give the same image</source>
      <translation>相同的种子和设置得到相同的图像</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="62" />
      <source>random</source>
      <translation>随机</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="65" />
      <source>A new random seed for every job (the one used is kept with the image)</source>
      <translation>每次任务使用新的随机种子（实际使用的种子随图像保存）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="67" />
      <source>Batches made one after the other</source>
      <translation>依次生成的批次数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="68" />
      <source>Images made together in one batch (uses more memory)</source>
      <translation>每批同时生成的图像数（占用更多内存）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="72" />
      <source>How much of the start image is painted over (1 = all of it)</source>
      <translation>起始图像被重绘的程度（1 = 全部）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="74" />
      <source>Soft edge, in pixels, where the repainted area meets the kept one</source>
      <translation>重绘区域与保留区域交界处的柔和边缘（像素）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="78" />
      <source>Attention slicing</source>
      <translation>注意力切片</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="79" />
      <source>VAE slicing</source>
      <translation>VAE 切片</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="80" />
      <source>VAE tiling (large images)</source>
      <translation>VAE 分块（大图）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="81" />
      <source>CPU offload (NVIDIA GPUs)</source>
      <translation>CPU 卸载（NVIDIA GPU）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="83" />
      <source>Uses less memory, a little slower; the image stays the same</source>
      <translation>占用更少内存，稍慢；图像不变</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="84" />
      <source>A preview every N steps (0 = none)</source>
      <translation>每 N 步显示一次预览（0 = 不预览）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="85" />
      <source>never</source>
      <translation>从不</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="115" />
      <source>Parameters</source>
      <translation>参数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="117" />
      <source>Steps</source>
      <translation>步数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="118" />
      <source>Guidance</source>
      <translation>引导强度</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="119" />
      <source>Size</source>
      <translation>尺寸</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="121" />
      <source>Scheduler</source>
      <translation>调度器</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="122" />
      <source>Seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="123" />
      <source>Batches × images</source>
      <translation>批次 × 每批张数</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="124" />
      <source>Strength</source>
      <translation>重绘强度</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="126" />
      <source>Mask blur</source>
      <translation>蒙版模糊</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="130" />
      <source>Advanced</source>
      <translation>高级</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="137" />
      <source>Memory and previews</source>
      <translation>内存与预览</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="141" />
      <source>Preview every</source>
      <translation>预览间隔</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="153" />
      <source>auto</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/params.py" line="187" />
      <source>Set both the width and the height, or leave both on auto.</source>
      <translation>请同时设置宽度和高度，或两者都保持自动。</translation>
    </message>
  </context>
  <context>
    <name>PaintingDrops</name>
    <message>
      <location filename="../../ui/tabs/painting/drops.py" line="67" />
      <source>%1 holds no painting settings. Paint over it?</source>
      <translation>%1 中没有绘画设置。要在它上面绘画吗？</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/drops.py" line="69" />
      <source>Use as init image</source>
      <translation>用作起始图像</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/drops.py" line="69" />
      <source>Inpaint this</source>
      <translation>局部重绘此图</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/drops.py" line="90" />
      <source>Settings restored from %1.</source>
      <translation>已从 %1 恢复设置。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/drops.py" line="93" />
      <source>Not understood: %1.</source>
      <translation>无法识别：%1。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/drops.py" line="97" />
      <source>It was made with the model %1; the model chosen in Settings (%2) paints.</source>
      <translation>它由模型 %1 生成；绘画将使用设置中选择的模型（%2）。</translation>
    </message>
  </context>
  <context>
    <name>PaintingRecords</name>
    <message>
      <location filename="../../ui/tabs/painting/records.py" line="55" />
      <source>%1 image(s), %2×%3, seed %4</source>
      <translation>%1 张图像，%2×%3，种子 %4</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/records.py" line="74" />
      <source>Save image</source>
      <translation>保存图像</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/records.py" line="86" />
      <location filename="../../ui/tabs/painting/records.py" line="137" />
      <source>These settings are not for the Painting tab.</source>
      <translation>这些设置不属于绘画标签页。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/records.py" line="90" />
      <source>Settings of this image are back, its seed %1 included.</source>
      <translation>已恢复这张图像的设置，包括其种子 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/records.py" line="102" />
      <location filename="../../ui/tabs/painting/records.py" line="162" />
      <source>Wait for the current painting to finish, or stop it.</source>
      <translation>请等待当前绘画完成，或先停止它。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/records.py" line="114" />
      <source>Image copied.</source>
      <translation>图像已复制。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/records.py" line="116" />
      <source>Saved %1</source>
      <translation>已保存 %1</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/records.py" line="124" />
      <source>The images could not be saved in the outputs folder: %1</source>
      <translation>无法将图像保存到输出文件夹：%1</translation>
    </message>
  </context>
  <context>
    <name>PaintingTab</name>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="61" />
      <source>Generate</source>
      <translation>生成</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="62" />
      <source>Paint (Ctrl+Enter)</source>
      <translation>绘画（Ctrl+Enter）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="63" />
      <source>Stop (Esc); finished images are kept</source>
      <translation>停止（Esc）；已完成的图像会保留</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="151" />
      <source>There is no painting model to paint with yet: download one or open a model folder or file (see above).</source>
      <translation>还没有可用的绘画模型：请下载一个，或打开模型文件夹或文件（见上方）。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="155" />
      <source>Choose a start image first: drop one on the image well or open one.</source>
      <translation>请先选择起始图像：将图像拖放到图像框中，或打开一张。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="158" />
      <source>Brush over the part of the image to repaint first.</source>
      <translation>请先用画笔涂抹要重绘的区域。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="165" />
      <source>Starting…</source>
      <translation>正在开始…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="171" />
      <source>Step %1 of %2</source>
      <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="196" />
      <source>Stopped; the %1 finished image(s) are kept.</source>
      <translation>已停止；保留了 %1 张已完成的图像。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="220" />
      <source>Open start image</source>
      <translation>打开起始图像</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="221" />
      <source>Images (*.png *.jpg *.jpeg *.webp *.bmp)</source>
      <translation>图像 (*.png *.jpg *.jpeg *.webp *.bmp)</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/tab.py" line="267" />
      <source>The mask could not be saved: %1</source>
      <translation>无法保存蒙版：%1</translation>
    </message>
  </context>
  <context>
    <name>QueueList</name>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="61" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="61" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="70" />
      <source>Clear finished</source>
      <translation>清除已完成</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="94" />
      <source>Cancel this file (what is transcribed so far is kept)</source>
      <translation>取消这个文件（已转写的部分会保留）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="105" />
      <source>Transcribing…</source>
      <translation>正在转写…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="107" />
      <source>Waiting</source>
      <translation>等待中</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="107" />
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="108" />
      <source>Stopped (partial)</source>
      <translation>已停止（部分）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="108" />
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="109" />
      <source>Failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="117" />
      <source>Done (live)</source>
      <translation>完成（实时）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/queue.py" line="119" />
      <source>edited</source>
      <translation>已编辑</translation>
    </message>
  </context>
  <context>
    <name>QueueRuns</name>
    <message>
      <location filename="../../ui/tabs/transcription/runs.py" line="41" />
      <source>%1 is not an audio or video file this tab can open.</source>
      <translation>%1 不是本标签页能打开的音频或视频文件。</translation>
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
    <name>Recording</name>
    <message>
      <location filename="../../ui/tabs/transcription/recording.py" line="29" />
      <source>Live: listening…</source>
      <translation>实时：正在听…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/recording.py" line="73" />
      <source>No speech was found in the recording.</source>
      <translation>录音中没有找到语音。</translation>
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
    <name>ResultsGallery</name>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="41" />
      <source>Save as…</source>
      <translation>另存为…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="41" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="42" />
      <source>Use as init image</source>
      <translation>用作起始图像</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="42" />
      <source>Reuse settings</source>
      <translation>复用设置</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="43" />
      <source>Vary seed</source>
      <translation>换个种子</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="44" />
      <source>Save as PNG (with its settings), JPEG or WebP</source>
      <translation>保存为 PNG（含设置）、JPEG 或 WebP</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="45" />
      <source>Copy the image to the clipboard</source>
      <translation>将图像复制到剪贴板</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="46" />
      <source>Paint over this image (image to image)</source>
      <translation>在这张图像上绘画（图生图）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="47" />
      <source>Put this image's prompt and settings, its seed included, back in the controls</source>
      <translation>将这张图像的提示词和设置（包括种子）填回控件</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="49" />
      <source>The same settings with a new random seed</source>
      <translation>相同设置，使用新的随机种子</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="59" />
      <source>Favourite</source>
      <translation>收藏</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="61" />
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="111" />
      <source>stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="112" />
      <source>missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="161" />
      <source>Delete result</source>
      <translation>删除结果</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/results.py" line="162" />
      <source>Delete “%1” and its %2 image file(s)? This cannot be undone.</source>
      <translation>删除“%1”及其 %2 个图像文件？此操作无法撤销。</translation>
    </message>
  </context>
  <context>
    <name>RowJobs</name>
    <message>
      <location filename="../../ui/models/actions.py" line="38" />
      <source>Checking every file…</source>
      <translation>正在检查每个文件…</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="42" />
      <source>Removing…</source>
      <translation>正在删除…</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="59" />
      <source>Every file checks out.</source>
      <translation>所有文件均完好。</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="60" />
      <source>Damaged or missing: %1. Download again to fetch only these files.</source>
      <translation>损坏或缺失：%1。重新下载只会获取这些文件。</translation>
    </message>
    <message>
      <location filename="../../ui/models/actions.py" line="63" />
      <source>Removed: %1 freed.</source>
      <translation>已删除：释放了 %1。</translation>
    </message>
  </context>
  <context>
    <name>SettingsPanel</name>
    <message>
      <location filename="../../ui/settings_panel.py" line="47" />
      <source>auto picks an NVIDIA GPU, then Apple GPU, then the CPU</source>
      <translation>自动：依次选择 NVIDIA GPU、Apple GPU、CPU</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="51" />
      <source>auto: half precision on GPUs, float32 on the CPU</source>
      <translation>自动：GPU 上半精度，CPU 上 float32</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="54" />
      <source>auto (fastest)</source>
      <translation>自动（最快）</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="55" />
      <source>llama.cpp runs GGUF files fast on CPUs; transformers runs any causal language model</source>
      <translation>llama.cpp 在 CPU 上快速运行 GGUF 文件；transformers 可运行任何因果语言模型</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="60" />
      <source>automatic</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="61" />
      <source>Idle models are unloaded before loading another would use more memory than this; automatic: from the memory available when the app starts</source>
      <translation>加载新模型会超出此内存时，先卸载空闲的模型；自动：按应用启动时的可用内存确定</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="65" />
      <source>System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="67" />
      <source>Takes effect when the app starts again</source>
      <translation>重新启动后生效</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="70" />
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="71" />
      <source>After Stop, offer Force stop (restarting the engine) if a job is still running this long</source>
      <translation>按下停止后，任务若仍运行这么久，就提供“强制停止”（重启引擎）</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="78" />
      <source>Hardware</source>
      <translation>硬件</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="81" />
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="82" />
      <source>Precision</source>
      <translation>精度</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="83" />
      <source>Memory budget</source>
      <translation>内存预算</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="84" />
      <source>Models</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="86" />
      <source>Writing</source>
      <translation>写作</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="86" />
      <source>Painting</source>
      <translation>绘画</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="87" />
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="87" />
      <source>Transcription</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="94" />
      <source>Models: download, add a folder or file, choose</source>
      <translation>模型：下载、添加文件夹或文件、选择</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="102" />
      <source>Writing backend</source>
      <translation>写作后端</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="104" />
      <source>Endpoints…</source>
      <translation>端点…</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="105" />
      <source>Inference servers (vLLM, Xinference, llama.cpp, Ollama…) the tabs can run on</source>
      <translation>各标签页可以使用的推理服务器（vLLM、Xinference、llama.cpp、Ollama…）</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="109" />
      <source>Refresh server models</source>
      <translation>刷新服务器模型</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="110" />
      <source>Ask every endpoint again which models it serves</source>
      <translation>重新询问每个端点提供哪些模型</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="119" />
      <source>Interface</source>
      <translation>界面</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="121" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="122" />
      <source>Force stop after</source>
      <translation>强制停止等待</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="146" />
      <source>auto</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="154" />
      <source>%1, %2 cores</source>
      <translation>%1，%2 核</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="160" />
      <source>CPU: %1</source>
      <translation>CPU：%1</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="168" />
      <source>auto: %1</source>
      <translation>自动：%1</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="173" />
      <source>%1 (not available)</source>
      <translation>%1（不可用）</translation>
    </message>
    <message>
      <location filename="../../ui/settings_panel.py" line="203" />
      <source>built in</source>
      <translation>内置</translation>
    </message>
  </context>
  <context>
    <name>SourcePanel</name>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="41" />
      <source>Text to image</source>
      <translation>文生图</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="41" />
      <source>Image to image</source>
      <translation>图生图</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="42" />
      <source>Inpaint</source>
      <translation>局部重绘</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="43" />
      <source>Paint from the prompt alone</source>
      <translation>仅根据提示词绘画</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="44" />
      <source>Repaint a start image, as much as the strength says</source>
      <translation>按重绘强度重绘起始图像</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="45" />
      <source>Repaint only the area you brush over</source>
      <translation>只重绘你用画笔涂过的区域</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="62" />
      <source>Drop a start image here, or open one</source>
      <translation>将起始图像拖放到这里，或打开一张</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="66" />
      <source>Open image…</source>
      <translation>打开图像…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="67" />
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="71" />
      <source>Brush size in image pixels</source>
      <translation>画笔大小（图像像素）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="73" />
      <source>Erase</source>
      <translation>擦除</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="74" />
      <source>Brush the mask away (keep those pixels)</source>
      <translation>擦去蒙版（保留这些像素）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="75" />
      <source>Clear</source>
      <translation>清除</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="76" />
      <source>Clear the whole mask</source>
      <translation>清除整个蒙版</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="77" />
      <source>Invert</source>
      <translation>反转</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="78" />
      <source>Repaint everything except what is brushed</source>
      <translation>重绘除涂抹区域以外的所有部分</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="87" />
      <source>Brush</source>
      <translation>画笔</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/source.py" line="163" />
      <source>%1 px</source>
      <translation>%1 像素</translation>
    </message>
  </context>
  <context>
    <name>TabBase</name>
    <message>
      <location filename="../../ui/tabs/base.py" line="88" />
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="161" />
      <source>The job has not stopped yet: the engine is busy inside a library call. Force stop restarts the engine; loaded models are unloaded, your work is kept.</source>
      <translation>任务尚未停止：引擎正忙于一次库调用。强制停止会重启引擎，已加载的模型会被卸载，你的内容会保留。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="163" />
      <source>Force stop</source>
      <translation>强制停止</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="210" />
      <source>about %1 left</source>
      <translation>约剩 %1</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="260" />
      <source>Stopped; what was made so far is kept.</source>
      <translation>已停止；已生成的内容已保留。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/base.py" line="262" />
      <source>Stopped before anything was made; the previous result is kept.</source>
      <translation>在生成任何内容之前已停止；之前的结果已保留。</translation>
    </message>
  </context>
  <context>
    <name>TakesList</name>
    <message>
      <location filename="../../ui/tabs/voice/takes.py" line="57" />
      <source>Play</source>
      <translation>播放</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/takes.py" line="58" />
      <source>Save as…</source>
      <translation>另存为…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/takes.py" line="59" />
      <source>Delete…</source>
      <translation>删除…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/takes.py" line="126" />
      <source>stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/takes.py" line="128" />
      <source>file missing</source>
      <translation>文件缺失</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/takes.py" line="168" />
      <source>Delete take</source>
      <translation>删除朗读记录</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/takes.py" line="169" />
      <source>Delete “%1” and its audio and subtitle files? This cannot be undone.</source>
      <translation>删除“%1”及其音频和字幕文件？此操作无法撤销。</translation>
    </message>
  </context>
  <context>
    <name>TranscriptExport</name>
    <message>
      <location filename="../../ui/tabs/transcription/export.py" line="29" />
      <source>Text (.txt)</source>
      <translation>纯文本（.txt）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/export.py" line="29" />
      <source>SubRip subtitles (.srt)</source>
      <translation>SubRip 字幕（.srt）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/export.py" line="30" />
      <source>WebVTT subtitles (.vtt)</source>
      <translation>WebVTT 字幕（.vtt）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/export.py" line="31" />
      <source>JSON with times and words (.json)</source>
      <translation>含时间和逐词信息的 JSON（.json）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/export.py" line="43" />
      <source>Export transcript</source>
      <translation>导出转写稿</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/export.py" line="44" />
      <source>%1 files (*.%2)</source>
      <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/export.py" line="55" />
      <source>Choose a file ending in .txt, .srt, .vtt or .json.</source>
      <translation>请选择以 .txt、.srt、.vtt 或 .json 结尾的文件。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/export.py" line="68" />
      <source>Copied the transcript.</source>
      <translation>已复制转写稿。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/export.py" line="77" />
      <source>Saved to %1</source>
      <translation>已保存到 %1</translation>
    </message>
  </context>
  <context>
    <name>TranscriptView</name>
    <message>
      <location filename="../../ui/widgets/transcript_view.py" line="90" />
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/transcript_view.py" line="90" />
      <source>Text</source>
      <translation>文本</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/transcript_view.py" line="100" />
      <source>Click a segment to play it; double-click (or F2) to edit its text</source>
      <translation>单击一段即从那里播放；双击（或按 F2）编辑文字</translation>
    </message>
    <message>
      <location filename="../../ui/widgets/transcript_view.py" line="182" />
      <source>Not final yet: the next part of the recording may change it</source>
      <translation>尚未定稿：录音的下一部分可能会改变它</translation>
    </message>
  </context>
  <context>
    <name>TranscriptionHistory</name>
    <message>
      <location filename="../../ui/tabs/transcription/history.py" line="78" />
      <source>%1 (edited)</source>
      <translation>%1（已编辑）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/history.py" line="90" />
      <source>These settings are not for the Transcription tab.</source>
      <translation>这些设置不属于转写标签页。</translation>
    </message>
  </context>
  <context>
    <name>TranscriptionOptions</name>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="26" />
      <source>Options</source>
      <translation>选项</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="28" />
      <source>Detect</source>
      <translation>自动检测</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="31" />
      <source>The spoken language; Detect lets the model decide and says what it heard</source>
      <translation>所说的语言；选“检测”则由模型判断并告诉你它听到的语言</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="34" />
      <source>Transcribe</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="35" />
      <source>Translate to English</source>
      <translation>翻译成英文</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="37" />
      <source>Beam search width: higher can be more accurate, 1 is fastest</source>
      <translation>束搜索宽度：越大可能越准，1 最快</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="39" />
      <source>Skip silence (VAD)</source>
      <translation>跳过静音（VAD）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="40" />
      <source>Skip stretches without speech (faster-whisper); fewer invented words in long pauses</source>
      <translation>跳过没有语音的片段（faster-whisper）；长时间停顿时更少凭空生成的词</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="42" />
      <source>Word timings</source>
      <translation>逐词时间</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="43" />
      <source>Time every word: the word being played is highlighted</source>
      <translation>给每个词标注时间：播放时高亮当前的词</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="45" />
      <source>auto</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="45" />
      <source>on</source>
      <translation>开</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="46" />
      <source>off</source>
      <translation>关</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="48" />
      <source>Decode speech chunks in batches (faster-whisper): faster on long files; auto turns it on for files over 3 minutes</source>
      <translation>分批解码语音片段（faster-whisper）：长文件更快；“自动”会对超过 3 分钟的文件开启</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="52" />
      <source>Names and terms to expect (optional)</source>
      <translation>可能出现的人名和术语（可选）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="53" />
      <source>Initial prompt: spellings of names and jargon help the model write them right</source>
      <translation>初始提示：给出人名和术语的写法，帮助模型写对</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="56" />
      <source>As the interface (Simplified for 简体中文)</source>
      <translation>跟随界面语言（简体中文界面用简体）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="57" />
      <source>Simplified</source>
      <translation>简体</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="58" />
      <source>Traditional</source>
      <translation>繁体</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="59" />
      <source>As written by the model</source>
      <translation>保持模型原样</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="60" />
      <source>Script of Chinese transcripts: Whisper often writes Mandarin in Traditional characters</source>
      <translation>中文转写稿的字体：Whisper 常把普通话写成繁体字</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="63" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="64" />
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="65" />
      <source>Beam size</source>
      <translation>束大小</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="66" />
      <source>Batched</source>
      <translation>批量解码</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="67" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/options.py" line="68" />
      <source>Prompt</source>
      <translation>提示词</translation>
    </message>
  </context>
  <context>
    <name>TranscriptionTab</name>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="67" />
      <location filename="../../ui/tabs/transcription/tab.py" line="76" />
      <source>Transcribe</source>
      <translation>转写</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="68" />
      <source>Transcribe the selected recordings</source>
      <translation>转写选中的录音</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="73" />
      <source>Export</source>
      <translation>导出</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="75" />
      <source>Copy all</source>
      <translation>全部复制</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="77" />
      <source>Transcribe the audio shown above again, with these options</source>
      <translation>用这些选项重新转写上方显示的音频</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="79" />
      <source>Stop; the text so far is kept, waiting files are cancelled</source>
      <translation>停止；已转写的文字会保留，排队中的文件会取消</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="97" />
      <source>Files</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="177" />
      <source>%1 segments · %2 · %3 of audio in %4 s</source>
      <translation>%1 段 · %2 · %3 音频，用时 %4 秒</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="193" />
      <source>Drop, open or record some audio first.</source>
      <translation>请先拖入、打开或录制一段音频。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/transcription/tab.py" line="99" />
      <source>Recordings</source>
      <translation>录音</translation>
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
    <name>VoiceControls</name>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="82" />
      <source>Preview</source>
      <translation>试听</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="83" />
      <source>Hear one short sentence in this voice</source>
      <translation>用这个声音说一句短句听听</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="89" />
      <source>1 is the voice's own pace; 1.5 faster, 0.8 slower</source>
      <translation>1 为声音本来的语速；1.5 更快，0.8 更慢</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="92" />
      <source> s</source>
      <translation> 秒</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="93" />
      <source>Silence between sentences</source>
      <translation>句子之间的停顿</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="95" />
      <source>How much the voice varies (VITS noise scale)</source>
      <translation>声音的变化程度（VITS 噪声系数）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="97" />
      <source>How much the rhythm varies (VITS noise width)</source>
      <translation>节奏的变化程度（VITS 噪声宽度）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="99" />
      <source>voice default</source>
      <translation>声音默认值</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="101" />
      <source>random</source>
      <translation>随机</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="102" />
      <source>Transformers voices: the same seed gives the same audio</source>
      <translation>Transformers 声音：相同种子得到相同音频</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="108" />
      <source>Voice</source>
      <translation>语音</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="112" />
      <source>Speaker</source>
      <translation>说话人</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="114" />
      <source>Speed</source>
      <translation>语速</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="115" />
      <source>Volume</source>
      <translation>音量</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="116" />
      <source>Pause</source>
      <translation>停顿</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="117" />
      <source>Advanced</source>
      <translation>高级</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="119" />
      <source>Noise</source>
      <translation>噪声</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="120" />
      <source>Rhythm noise</source>
      <translation>节奏噪声</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="121" />
      <source>Seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="141" />
      <source>%1 (not downloaded)</source>
      <translation>%1（未下载）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="184" />
      <source>Default</source>
      <translation>默认</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="199" />
      <source>language not stated</source>
      <translation>未注明语言</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/controls.py" line="202" />
      <source>%1 speakers</source>
      <translation>%1 位说话人</translation>
    </message>
  </context>
  <context>
    <name>VoiceHistory</name>
    <message>
      <location filename="../../ui/tabs/voice/records.py" line="103" />
      <source>Saved %1</source>
      <translation>已保存 %1</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/records.py" line="104" />
      <source> and its subtitles %1</source>
      <translation> 及其字幕 %1</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/records.py" line="111" />
      <source>The take could not be saved in the outputs folder: %1 Save as… still works.</source>
      <translation>这段朗读无法保存到输出文件夹：%1 “另存为…”仍然可用。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/records.py" line="117" />
      <source>Save speech</source>
      <translation>保存语音</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/records.py" line="160" />
      <source>These settings are not for the Voice tab.</source>
      <translation>这些设置不属于语音标签页。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/records.py" line="168" />
      <source>Wait for the current speech to finish, or stop it, before running another.</source>
      <translation>请等当前语音完成或先停止，再运行另一个。</translation>
    </message>
  </context>
  <context>
    <name>VoiceTab</name>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="62" />
      <source>Type, paste or drop (.txt, .md) the text to speak. Ctrl+Enter speaks, Esc stops.</source>
      <translation>输入、粘贴或拖入（.txt、.md）要朗读的文本。Ctrl+Enter 朗读，Esc 停止。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="67" />
      <source>Open text…</source>
      <translation>打开文本…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="68" />
      <source>Save as…</source>
      <translation>另存为…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="69" />
      <source>Save this speech as WAV, FLAC, OGG or MP3, with its subtitles (.srt) beside it</source>
      <translation>将这段语音保存为 WAV、FLAC、OGG 或 MP3，并在旁边保存字幕（.srt）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="71" />
      <source>Speak</source>
      <translation>朗读</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="72" />
      <source>Speak the text (Ctrl+Enter)</source>
      <translation>朗读文本（Ctrl+Enter）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="73" />
      <source>Stop (Esc); the sentences made so far are kept</source>
      <translation>停止（Esc）；已生成的句子会保留</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="114" />
      <source>Takes</source>
      <translation>朗读记录</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="156" />
      <source>Spoken by the server %1 (its default voice).</source>
      <translation>由服务器 %1 朗读（其默认声音）。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="175" />
      <source>Type or open some text to speak first.</source>
      <translation>请先输入或打开要朗读的文本。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="232" />
      <source>The speech is still made and kept in the takes; Save as… works without speakers.</source>
      <translation>语音仍会生成并保留在朗读记录中；没有扬声器也可以“另存为…”。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="243" />
      <source>Open text</source>
      <translation>打开文本</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/voice/tab.py" line="244" />
      <source>Text (*.txt *.md)</source>
      <translation>文本 (*.txt *.md)</translation>
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
    <name>WindowEndpoints</name>
    <message>
      <location filename="../../ui/endpoints/window.py" line="34" />
      <source>Endpoints…</source>
      <translation>端点…</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/window.py" line="35" />
      <source>Inference servers the tabs can run on</source>
      <translation>各标签页可以使用的推理服务器</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/window.py" line="86" />
      <source>It ran on %1 with %2, which is not one of your endpoints: add it in Settings → Endpoints to run it there again.</source>
      <translation>它是在 %1 上用 %2 运行的，但 %1 不在你的端点中：在“设置 → 端点”中添加后即可再次在那里运行。</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/window.py" line="104" />
      <source>The endpoint %1 is gone, so this tab runs on this computer again with %2.</source>
      <translation>端点 %1 已不存在，因此此标签页改回在本机上使用 %2 运行。</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/window.py" line="137" />
      <source>The offline switch is on, so this tab cannot run on %1 (not on this computer): turn the switch off in Settings, or choose a model on this computer.</source>
      <translation>离线开关已打开，因此此标签页不能在 %1（不在本机上）运行：请在设置中关闭离线开关，或选择本机上的模型。</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/window.py" line="161" />
      <source>Remote: %1 @ %2</source>
      <translation>远程：%1 @ %2</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/window.py" line="170" />
      <source>%1 runs on the server %2 (%3) with its model %4</source>
      <translation>%1 在服务器 %2（%3）上运行，使用其模型 %4</translation>
    </message>
  </context>
  <context>
    <name>WindowModels</name>
    <message>
      <location filename="../../ui/models/window.py" line="29" />
      <source>Models…</source>
      <translation>模型…</translation>
    </message>
    <message>
      <location filename="../../ui/models/window.py" line="31" />
      <source>Download, add and choose models (Ctrl+M)</source>
      <translation>下载、添加和选择模型（Ctrl+M）</translation>
    </message>
    <message>
      <location filename="../../ui/models/window.py" line="90" />
      <source>Memory of the window and of the engine process, where the models are loaded</source>
      <translation>窗口进程和引擎进程（模型加载在其中）占用的内存</translation>
    </message>
  </context>
  <context>
    <name>WritingFiles</name>
    <message>
      <location filename="../../ui/tabs/writing/files.py" line="27" />
      <source>Save text</source>
      <translation>保存文本</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/files.py" line="28" />
      <source>Markdown (*.md);;Text (*.txt)</source>
      <translation>Markdown (*.md);;文本 (*.txt)</translation>
    </message>
  </context>
  <context>
    <name>WritingHistory</name>
    <message>
      <location filename="../../ui/tabs/writing/history.py" line="76" />
      <source>These settings are not for the Writing tab.</source>
      <translation>这些设置不属于写作标签页。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/history.py" line="95" />
      <source>Wait for the current text to finish, or stop it, before running another.</source>
      <translation>请等当前文本写完或先停止它，再运行新的任务。</translation>
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
      <location filename="../../ui/tabs/writing/tab.py" line="63" />
      <source>System prompt (optional): You are a helpful assistant.</source>
      <translation>系统提示词（可选）：你是一个乐于助人的助手。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="71" />
      <source>Write a prompt, or drop a .txt/.md file here. Ctrl+Enter generates, Esc stops.</source>
      <translation>输入提示词，或拖入 .txt/.md 文件。Ctrl+Enter 生成，Esc 停止。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="77" />
      <source>Generate</source>
      <translation>生成</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="78" />
      <source>Generate (Ctrl+Enter)</source>
      <translation>生成 (Ctrl+Enter)</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="79" />
      <source>Stop (Esc); the text so far is kept</source>
      <translation>停止 (Esc)；已生成的文本会保留</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="80" />
      <source>Continue</source>
      <translation>继续写</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="81" />
      <source>Append the output to the prompt and write more</source>
      <translation>把输出接到提示词后面继续生成</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="82" />
      <source>Regenerate</source>
      <translation>重新生成</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="83" />
      <source>Write the last answer again; the old one is kept as an alternative</source>
      <translation>重新生成上一个回答；旧回答会作为备选保留</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="84" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="85" />
      <source>Save…</source>
      <translation>保存…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="86" />
      <source>Clear conversation</source>
      <translation>清空对话</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="115" />
      <source>Mode</source>
      <translation>模式</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="224" />
      <source>Write a prompt first.</source>
      <translation>请先输入提示词。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="256" />
      <source>Starting…</source>
      <translation>正在开始…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="282" />
      <source>Saved to %1</source>
      <translation>已保存到 %1</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="310" />
      <source>Writing…</source>
      <translation>正在写作…</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="312" />
      <location filename="../../ui/tabs/writing/tab.py" line="338" />
      <source>%1 tokens · %2 tok/s</source>
      <translation>%1 个词元 · %2 词元/秒</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/writing/tab.py" line="341" />
      <source> · first token after %1 s</source>
      <translation> · 首词元用时 %1 秒</translation>
    </message>
  </context>
  <context>
    <name>ZoomBar</name>
    <message>
      <location filename="../../ui/tabs/painting/layout.py" line="33" />
      <source>Fit</source>
      <translation>适应</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/layout.py" line="33" />
      <source>Fit the image in the view</source>
      <translation>让图像适应视图</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/layout.py" line="34" />
      <source>Actual size</source>
      <translation>实际大小</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/layout.py" line="35" />
      <source>Zoom out (mouse wheel)</source>
      <translation>缩小（鼠标滚轮）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/layout.py" line="36" />
      <source>Zoom in (mouse wheel)</source>
      <translation>放大（鼠标滚轮）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/layout.py" line="50" />
      <source>fitted</source>
      <translation>已适应</translation>
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
      <source>A smaller, faster GPT-2 for plain text completion.</source>
      <translation>更小更快的 GPT-2，用于纯文本续写。</translation>
    </message>
    <message>
      <source>Accurate multilingual transcription; slow on a CPU; CTranslate2.</source>
      <translation>准确的多语言转写；在 CPU 上较慢；CTranslate2。</translation>
    </message>
    <message>
      <source>English-only distilled large-v3: close in accuracy, about six times faster.</source>
      <translation>仅英语的蒸馏版 large-v3：准确度接近，速度约快六倍。</translation>
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
      <source>Female French voice, 22 kHz.</source>
      <translation>法语女声，22 kHz。</translation>
    </message>
    <message>
      <source>High quality 1024x1024 images in 25 to 40 steps; needs a GPU.</source>
      <translation>25 到 40 步生成高质量 1024x1024 图像；需要 GPU。</translation>
    </message>
    <message>
      <source>Male British English voice, 22 kHz.</source>
      <translation>英式英语男声，22 kHz。</translation>
    </message>
    <message>
      <source>Male German voice, 22 kHz.</source>
      <translation>德语男声，22 kHz。</translation>
    </message>
    <message>
      <source>Male Spanish (Spain) voice, 22 kHz.</source>
      <translation>西班牙语（西班牙）男声，22 kHz。</translation>
    </message>
    <message>
      <source>Mandarin Chinese voice (VITS, ONNX), 22 kHz; runs offline on any CPU.</source>
      <translation>普通话语音（VITS，ONNX），22 kHz；可在任何 CPU 上离线运行。</translation>
    </message>
    <message>
      <source>Meta's massively multilingual VITS voice for English, 16 kHz; non-commercial use only.</source>
      <translation>Meta 大规模多语言 VITS 英语语音，16 kHz；仅限非商业用途。</translation>
    </message>
    <message>
      <source>Meta's massively multilingual VITS voice for French, 16 kHz; non-commercial use only.</source>
      <translation>Meta 大规模多语言 VITS 法语语音，16 kHz；仅限非商业用途。</translation>
    </message>
    <message>
      <source>Meta's massively multilingual VITS voice for Spanish, 16 kHz; non-commercial use only.</source>
      <translation>Meta 大规模多语言 VITS 西班牙语语音，16 kHz；仅限非商业用途。</translation>
    </message>
    <message>
      <source>More accurate than base in 99 languages, about three times slower; CTranslate2.</source>
      <translation>99 种语言上比 base 更准确，速度约慢三倍；CTranslate2。</translation>
    </message>
    <message>
      <source>Multilingual chat model with good Chinese.</source>
      <translation>中文能力不错的多语言对话模型。</translation>
    </message>
    <message>
      <source>Multilingual chat model, good at Chinese; best with a GPU.</source>
      <translation>多语言对话模型，擅长中文；最好使用 GPU。</translation>
    </message>
    <message>
      <source>Natural male US English voice, 22 kHz.</source>
      <translation>自然的美式英语男声，22 kHz。</translation>
    </message>
    <message>
      <source>Nearly large-v3 accuracy several times faster (4 decoder layers); best with a GPU.</source>
      <translation>准确度接近 large-v3，速度快数倍（4 层解码器）；最好使用 GPU。</translation>
    </message>
    <message>
      <source>One to four steps at 512x512 with SDXL quality; needs a GPU.</source>
      <translation>一到四步生成 512x512、SDXL 品质的图像；需要 GPU。</translation>
    </message>
    <message>
      <source>One to four steps at 512x512.</source>
      <translation>512x512 下只需一到四步。</translation>
    </message>
    <message>
      <source>OpenAI's large-v3-turbo weights, run with transformers; needs a GPU.</source>
      <translation>OpenAI 的 large-v3-turbo 权重，用 transformers 运行；需要 GPU。</translation>
    </message>
    <message>
      <source>OpenAI's original Whisper tiny weights, run with transformers.</source>
      <translation>OpenAI 原版 Whisper tiny 权重，用 transformers 运行。</translation>
    </message>
    <message>
      <source>Qwen2.5 3B quantised for llama.cpp; slower but usable on a CPU; research licence.</source>
      <translation>为 llama.cpp 量化的 Qwen2.5 3B；较慢但可在 CPU 上使用；研究许可。</translation>
    </message>
    <message>
      <source>Repaints the masked part of an image (512x512).</source>
      <translation>重绘图像中被遮罩的部分（512x512）。</translation>
    </message>
    <message>
      <source>Small English chat model (Q4_1 GGUF); runs offline on any CPU.</source>
      <translation>小型英文对话模型（Q4_1 GGUF）；可在任何 CPU 上离线运行。</translation>
    </message>
    <message>
      <source>Small English chat model, noticeably better than 135M.</source>
      <translation>小型英语对话模型，明显优于 135M。</translation>
    </message>
    <message>
      <source>Small, fast English-only distilled Whisper for CPUs.</source>
      <translation>适合 CPU 的小而快的仅英语蒸馏版 Whisper。</translation>
    </message>
    <message>
      <source>Smaller, faster Mandarin Chinese voice, 16 kHz.</source>
      <translation>更小、更快的普通话语音，16 kHz。</translation>
    </message>
    <message>
      <source>Smallest Qwen2.5 for llama.cpp: Chinese and English chat on any CPU.</source>
      <translation>用于 llama.cpp 的最小 Qwen2.5：在任何 CPU 上进行中英文对话。</translation>
    </message>
    <message>
      <source>SmolLM2 1.7B quantised for llama.cpp; runs on a CPU.</source>
      <translation>为 llama.cpp 量化的 SmolLM2 1.7B；可在 CPU 上运行。</translation>
    </message>
    <message>
      <source>SmolLM2 360M for llama.cpp; fast on any CPU.</source>
      <translation>用于 llama.cpp 的 SmolLM2 360M；在任何 CPU 上都很快。</translation>
    </message>
    <message>
      <source>Stronger multilingual chat model, good at Chinese; needs a GPU; research licence.</source>
      <translation>更强的多语言对话模型，擅长中文；需要 GPU；研究许可。</translation>
    </message>
    <message>
      <source>The built-in SmolLM2 135M in full precision for transformers.</source>
      <translation>内置 SmolLM2 135M 的全精度版本，用于 transformers。</translation>
    </message>
    <message>
      <source>The classic 512x512 model.</source>
      <translation>经典的 512x512 模型。</translation>
    </message>
    <message>
      <source>The classic completion model.</source>
      <translation>经典的续写模型。</translation>
    </message>
    <message>
      <source>The classic two-stage pipeline: acoustic model (text to mel spectrogram) + HiFi-GAN vocoder (spectrogram to waveform); English, 16 kHz; voice from a speaker embedding.</source>
      <translation>经典两阶段流程：声学模型（文本到梅尔频谱）+ HiFi-GAN 声码器（频谱到波形）；英语，16 kHz；音色来自说话人嵌入。</translation>
    </message>
    <message>
      <source>The fastest multilingual Whisper; rough but quick; CTranslate2.</source>
      <translation>最快的多语言 Whisper；粗糙但迅速；CTranslate2。</translation>
    </message>
    <message>
      <source>The largest SmolLM2: English chat, summaries, rewriting; best with a GPU.</source>
      <translation>最大的 SmolLM2：英语对话、摘要、改写；最好使用 GPU。</translation>
    </message>
    <message>
      <source>The most accurate Whisper, 99 languages; needs a GPU; CTranslate2.</source>
      <translation>最准确的 Whisper，支持 99 种语言；需要 GPU；CTranslate2。</translation>
    </message>
    <message>
      <source>Turns SpeechT5's mel spectrograms into sound; downloaded with speecht5-tts.</source>
      <translation>把 SpeechT5 的梅尔频谱转换为声音；随 speecht5-tts 一起下载。</translation>
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
    <name>endpoints</name>
    <message>
      <location filename="../../ui/endpoints/picker.py" line="63" />
      <source>%1: blocked by the offline switch</source>
      <translation>%1：已被离线开关阻止</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/picker.py" line="65" />
      <source>%1: not reachable</source>
      <translation>%1：无法连接</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/picker.py" line="67" />
      <source>%1: asking…</source>
      <translation>%1：正在询问…</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/picker.py" line="69" />
      <source>%1: no models for this task</source>
      <translation>%1：没有适用于此任务的模型</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/picker.py" line="71" />
      <source>On %1</source>
      <translation>%1 上的模型</translation>
    </message>
    <message>
      <location filename="../../ui/endpoints/picker.py" line="108" />
      <source>Runs on the server %1 (%2)</source>
      <translation>在服务器 %1（%2）上运行</translation>
    </message>
  </context>
  <context>
    <name>tab</name>
    <message>
      <location filename="../../ui/tabs/painting/layout.py" line="58" />
      <source>Describe the picture: a lighthouse at dusk, oil painting. Ctrl+Enter paints, Esc stops; drop an image to reuse its settings.</source>
      <translation>描述画面：黄昏的灯塔，油画。Ctrl+Enter 开始绘画，Esc 停止；拖入图像可复用其设置。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/layout.py" line="62" />
      <source>Negative prompt: what to avoid (blurry, text…)</source>
      <translation>反向提示词：要避免的内容（模糊、文字…）</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/layout.py" line="64" />
      <source>The picture appears here while it is painted. Results collect in the gallery below.</source>
      <translation>绘画过程中图像会显示在这里。结果汇集在下方的图库中。</translation>
    </message>
    <message>
      <location filename="../../ui/tabs/painting/layout.py" line="73" />
      <source>Prompt</source>
      <translation>提示词</translation>
    </message>
  </context>
  <context>
    <name>core</name>
    <message>
      <source>A mask needs the image it applies to (init image).</source>
      <translation>蒙版需要它所作用的图像（初始图像）。</translation>
    </message>
    <message>
      <source>A server counts only the new tokens: max_length {value} is used as the limit of the answer.</source>
      <translation>服务器只计算新生成的词元：max_length {value} 将作为回答的长度上限。</translation>
    </message>
    <message>
      <source>A server runs the model with its own engine: choose the backend auto (or remote) with an endpoint, not {backend}.</source>
      <translation>服务器用自己的引擎运行模型：使用端点时请选择后端 auto（或 remote），而不是 {backend}。</translation>
    </message>
    <message>
      <source>A size is WIDTHxHEIGHT, such as 512x512 (got {value}).</source>
      <translation>尺寸的格式为 宽x高，例如 512x512（收到的是 {value}）。</translation>
    </message>
    <message>
      <source>An API key is one word of printable ASCII characters, without spaces.</source>
      <translation>API 密钥应为一个由可打印 ASCII 字符组成、不含空格的词。</translation>
    </message>
    <message>
      <source>An endpoint name is 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit (got {name}).</source>
      <translation>端点名称由 1-64 个字母、数字、点、连字符或下划线组成，并以字母或数字开头（当前为 {name}）。</translation>
    </message>
    <message>
      <source>At most {limit} LoRA files at once.</source>
      <translation>一次最多 {limit} 个 LoRA 文件。</translation>
    </message>
    <message>
      <source>Audio is not available: the PortAudio library is missing ({detail}). On Debian or Ubuntu install the package libportaudio2.</source>
      <translation>音频不可用：缺少 PortAudio 库（{detail}）。在 Debian 或 Ubuntu 上请安装 libportaudio2 软件包。</translation>
    </message>
    <message>
      <source>Batched decoding needs the faster-whisper backend; decoding one window after another.</source>
      <translation>批量解码需要 faster-whisper 后端；改为逐段解码。</translation>
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
      <source>CPU offload works on CUDA GPUs only (with accelerate); it is off.</source>
      <translation>CPU 卸载仅适用于 CUDA GPU（需要 accelerate）；已关闭。</translation>
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
      <source>Cannot reach {name} at {url} ({reason}). Check that the server is running and that the URL is right (aigc-studio endpoints test).</source>
      <translation>无法连接 {name}（{url}）：{reason}。请确认服务器正在运行且 URL 正确（aigc-studio endpoints test）。</translation>
    </message>
    <message>
      <source>Cannot read {name}: {reason}.</source>
      <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
      <source>Cannot save an image as {name}: use .png, .jpg or .webp.</source>
      <translation>无法将图像保存为 {name}：请使用 .png、.jpg 或 .webp。</translation>
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
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>Converting Chinese needs OpenCC (pip install opencc); choose keep to leave the text as it is.</source>
      <translation>转换中文需要 OpenCC（pip install opencc）；选择“保持原样”可不转换。</translation>
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
      <source>Detected language: {language} ({percent}% sure).</source>
      <translation>检测到的语言：{language}（把握 {percent}%）。</translation>
    </message>
    <message>
      <source>Each LoRA is a file and a weight between -10 and 10 (got {value}).</source>
      <translation>每个 LoRA 是一个文件加一个 -10 到 10 之间的权重（收到的是 {value}）。</translation>
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
      <source>English</source>
      <translation>英文</translation>
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
      <source>Give both the width and the height, or neither.</source>
      <translation>请同时给出宽度和高度，或都不给。</translation>
    </message>
    <message>
      <source>Inference servers have no beam search: the text is sampled as set (or greedy at temperature 0).</source>
      <translation>推理服务器没有束搜索：按设置采样（温度为 0 时为贪心解码）。</translation>
    </message>
    <message>
      <source>Japanese</source>
      <translation>日文</translation>
    </message>
    <message>
      <source>Korean</source>
      <translation>韩文</translation>
    </message>
    <message>
      <source>LoRA files need the peft package (pip install peft).</source>
      <translation>LoRA 文件需要 peft 包（pip install peft）。</translation>
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
      <source>Loading the voice…</source>
      <translation>正在加载语音…</translation>
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
      <source>No audio file chosen.</source>
      <translation>没有选择音频文件。</translation>
    </message>
    <message>
      <source>No audio {kind} device was found. Connect a microphone or headset (or check the system's sound settings) and try again.</source>
      <translation>未找到音频{kind}设备。请连接麦克风或耳机（或检查系统的声音设置）后重试。</translation>
    </message>
    <message>
      <source>No endpoint given: name one from Settings → Endpoints (aigc-studio endpoints list) or give a base URL.</source>
      <translation>没有指定端点：请填写“设置 → 端点”中的名称（aigc-studio endpoints list），或给出基础 URL。</translation>
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
      <source>No speech was found in {name}.</source>
      <translation>{name} 中没有找到语音。</translation>
    </message>
    <message>
      <source>No system keyring is available, so the API key is stored in {path}, readable only by your user account. Anyone who can read your files can use it; remove it when you no longer need it.</source>
      <translation>没有可用的系统密钥环，因此 API 密钥保存在 {path}，仅你的用户账户可读。能读取你文件的人都能使用它；不再需要时请删除。</translation>
    </message>
    <message>
      <source>No system keyring is available, so the access token is stored in {path}, readable only by your user account. Anyone who can read your files can use it; remove it in the settings when you no longer need it.</source>
      <translation>没有可用的系统密钥环，因此访问令牌保存在 {path}，只有你的用户账户可以读取。任何能读取你文件的人都能使用它；不再需要时请在设置中删除。</translation>
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
      <source>Over an endpoint only text-to-image works (the images API takes no init image, mask or LoRA).</source>
      <translation>通过端点只能进行文生图（图像 API 不接受初始图像、蒙版或 LoRA）。</translation>
    </message>
    <message>
      <source>Painting on {name}… {seconds} s</source>
      <translation>正在 {name} 上绘制… {seconds} 秒</translation>
    </message>
    <message>
      <source>Painting: step {step} of {total}…</source>
      <translation>正在绘画：第 {step} 步，共 {total} 步…</translation>
    </message>
    <message>
      <source>Permission denied: {name}</source>
      <translation>没有权限：{name}</translation>
    </message>
    <message>
      <source>Piper runs on the CPU here: this onnxruntime has no CUDA support.</source>
      <translation>Piper 在此使用 CPU 运行：当前 onnxruntime 不支持 CUDA。</translation>
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
      <source>Retrying in {seconds} s: {reason}</source>
      <translation>{seconds} 秒后重试：{reason}</translation>
    </message>
    <message>
      <source>Sending {name} to {server}…</source>
      <translation>正在把 {name} 发送到 {server}…</translation>
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
      <source>Speaking sentence {index} of {total}…</source>
      <translation>正在朗读第 {index} 句，共 {total} 句…</translation>
    </message>
    <message>
      <source>SpeechT5 has no speed or noise controls; they are ignored.</source>
      <translation>SpeechT5 没有语速和噪声控制；这些设置将被忽略。</translation>
    </message>
    <message>
      <source>SpeechT5 speaks with a neutral (all-zero) speaker embedding. For a natural voice give a speaker x-vector as a .npy file of {dim} numbers (e.g. one of the CMU ARCTIC x-vectors).</source>
      <translation>SpeechT5 正在使用中性（全零）说话人嵌入朗读。若要自然的音色，请提供含 {dim} 个数值的说话人 x-vector .npy 文件（例如 CMU ARCTIC x-vectors 之一）。</translation>
    </message>
    <message>
      <source>SpeechT5 takes its voice from a speaker embedding (.npy), not a speaker name.</source>
      <translation>SpeechT5 的音色来自说话人嵌入（.npy 文件），而不是说话人名称。</translation>
    </message>
    <message>
      <source>Stop strings must be non-empty text.</source>
      <translation>停止词必须是非空文本。</translation>
    </message>
    <message>
      <source>The LCM scheduler suits LCM models and LCM-LoRAs; with other models it gives blurry images.</source>
      <translation>LCM 调度器适用于 LCM 模型和 LCM-LoRA；用于其他模型会得到模糊的图像。</translation>
    </message>
    <message>
      <source>The LoRA file {name} does not exist.</source>
      <translation>LoRA 文件 {name} 不存在。</translation>
    </message>
    <message>
      <source>The LoRA {name} does not fit this model: {reason}</source>
      <translation>LoRA {name} 不适用于此模型：{reason}</translation>
    </message>
    <message>
      <source>The LoRA {name} has no weights for this model's parts (a LoRA of another model family?).</source>
      <translation>LoRA {name} 没有适用于本模型各部分的权重（是其他模型系列的 LoRA？）。</translation>
    </message>
    <message>
      <source>The LoRA {name} is not a .safetensors file; AIGC Studio loads safetensors only.</source>
      <translation>LoRA {name} 不是 .safetensors 文件；AIGC Studio 只加载 safetensors。</translation>
    </message>
    <message>
      <source>The OpenAI API has no no-repeat-n-gram setting; it is not used on a server (use the repetition penalty).</source>
      <translation>OpenAI API 没有“禁止重复 n 元组”设置；在服务器上不会使用（请改用重复惩罚）。</translation>
    </message>
    <message>
      <source>The Piper backend needs a Piper voice (.onnx with its .onnx.json); {ref} is not one.</source>
      <translation>Piper 后端需要 Piper 语音（.onnx 及其 .onnx.json）；{ref} 不是。</translation>
    </message>
    <message>
      <source>The Piper voice settings {config} cannot be read: {reason}</source>
      <translation>无法读取 Piper 语音设置 {config}：{reason}</translation>
    </message>
    <message>
      <source>The Piper voice {name} has no {config} beside it: a voice is the .onnx file and its .onnx.json.</source>
      <translation>Piper 语音 {name} 旁边没有 {config}：一个语音由 .onnx 文件及其 .onnx.json 组成。</translation>
    </message>
    <message>
      <source>The access token must be one word of printable ASCII characters (a Hugging Face token starts with hf_).</source>
      <translation>访问令牌必须是一串不含空格的可打印 ASCII 字符（Hugging Face 令牌以 hf_ 开头）。</translation>
    </message>
    <message>
      <source>The app is closing; the job was not started.</source>
      <translation>应用正在关闭；任务未启动。</translation>
    </message>
    <message>
      <source>The audio from {name} was cut off ({reason}).</source>
      <translation>来自 {name} 的音频被截断了（{reason}）。</translation>
    </message>
    <message>
      <source>The base URL must look like http://host:port or https://host/v1 (got {url}).</source>
      <translation>基础 URL 的格式应为 http://host:port 或 https://host/v1（当前为 {url}）。</translation>
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
      <source>The configuration {ref} is not a diffusers model folder (it has no model_index.json).</source>
      <translation>配置 {ref} 不是 diffusers 模型文件夹（没有 model_index.json）。</translation>
    </message>
    <message>
      <source>The connection to {name} dropped before any text arrived ({reason}). Try again; if it keeps happening, look at the server's log.</source>
      <translation>在收到任何文本之前，与 {name} 的连接就断开了（{reason}）。请重试；如果反复出现，请查看服务器日志。</translation>
    </message>
    <message>
      <source>The connection to {name} dropped mid-answer ({reason}); the text that arrived is kept.</source>
      <translation>与 {name} 的连接在回答中途断开（{reason}）；已收到的文本已保留。</translation>
    </message>
    <message>
      <source>The disk filled up while downloading {repo} into {folder}. Free some space (or choose another cache folder in the settings) and download again: it goes on where it stopped.</source>
      <translation>下载 {repo} 到 {folder} 时磁盘已满。请释放一些空间（或在设置中选择其他缓存文件夹）后重新下载：会从中断处继续。</translation>
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
      <source>The download of {name} ({repo}) is not finished (or its files were damaged). Download it again to complete it: aigc-studio models download {id}</source>
      <translation>{name}（{repo}）的下载尚未完成（或其文件已损坏）。请重新下载以完成：aigc-studio models download {id}</translation>
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
      <source>The hub refused access to {repo} (HTTP {status}): the model is gated or private, or does not exist. If it exists, open {page} and accept its licence, then set your access token in the settings (or log in with `hf auth login`) and try again.</source>
      <translation>模型仓库拒绝访问 {repo}（HTTP {status}）：该模型需要授权、是私有的，或不存在。若它存在，请打开 {page} 接受其许可协议，然后在设置中填写访问令牌（或用 `hf auth login` 登录）后重试。</translation>
    </message>
    <message>
      <source>The image decoder overflowed in half precision (black images); decoded again in float32, as it will be from now on for this model.</source>
      <translation>图像解码器在半精度下溢出（黑色图像）；已改用 float32 重新解码，此模型今后都将如此。</translation>
    </message>
    <message>
      <source>The init image</source>
      <translation>初始图像</translation>
    </message>
    <message>
      <source>The initial prompt must be text.</source>
      <translation>初始提示必须是文本。</translation>
    </message>
    <message>
      <source>The llama.cpp backend needs a .gguf file; {ref} is not one.</source>
      <translation>llama.cpp 后端需要 .gguf 文件；{ref} 不是。</translation>
    </message>
    <message>
      <source>The mask</source>
      <translation>蒙版</translation>
    </message>
    <message>
      <source>The mask {name} marks nothing to repaint: paint the area to change in white.</source>
      <translation>蒙版 {name} 没有标出要重绘的区域：请用白色涂出要修改的区域。</translation>
    </message>
    <message>
      <source>The microphone stopped sending sound (was it unplugged?). The {seconds:.0f} s recorded so far were kept.</source>
      <translation>麦克风不再传来声音（是否被拔出？）。已录下的 {seconds:.0f} 秒已保留。</translation>
    </message>
    <message>
      <source>The model could not give timestamps for this part; it is one segment.</source>
      <translation>模型无法为这一部分给出时间戳；它作为一个片段。</translation>
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
      <source>The model's files changed since this request was made ({old}, now {new}): the image may differ.</source>
      <translation>自该请求生成以来，模型文件已更改（原为 {old}，现为 {new}）：图像可能会不同。</translation>
    </message>
    <message>
      <source>The model's files changed since this request was made ({old}, now {new}): the text may differ.</source>
      <translation>自这次请求以来模型文件已改变（原为 {old}，现为 {new}）：生成的文本可能不同。</translation>
    </message>
    <message>
      <source>The negative prompt has no effect at guidance {guidance} (it needs guidance above 1).</source>
      <translation>引导系数为 {guidance} 时反向提示词不起作用（需要大于 1 的引导系数）。</translation>
    </message>
    <message>
      <source>The noise settings and speaker embedding are not part of the speech API; the server's voice decides them.</source>
      <translation>噪声设置和说话人嵌入不属于语音 API；由服务器的音色决定。</translation>
    </message>
    <message>
      <source>The offline switch is on, so {name} ({host}) cannot be used: only servers on this machine can. Turn the switch off in Settings to use it.</source>
      <translation>离线开关已打开，因此不能使用 {name}（{host}）：只能使用本机上的服务器。要使用它，请在设置中关闭离线开关。</translation>
    </message>
    <message>
      <source>The painting engine got a {kind} instead of a painting request.</source>
      <translation>绘画引擎收到的是 {kind}，而不是绘画请求。</translation>
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
      <source>The secure connection to {name} failed ({reason}). If the server uses a self-signed certificate, turn off Verify TLS for this endpoint (only on a network you trust).</source>
      <translation>与 {name} 的安全连接失败（{reason}）。如果服务器使用自签名证书，请为此端点关闭“验证 TLS”（仅限可信网络）。</translation>
    </message>
    <message>
      <source>The server's audio could not be read ({reason}).</source>
      <translation>无法读取服务器返回的音频（{reason}）。</translation>
    </message>
    <message>
      <source>The server's model is {new} now (this request was made with {old}): the text may differ.</source>
      <translation>服务器的模型现在是 {new}（此请求当初使用的是 {old}）：文本可能不同。</translation>
    </message>
    <message>
      <source>The speaker embedding is used by SpeechT5 only; this voice ignores it.</source>
      <translation>说话人嵌入只用于 SpeechT5；这个语音会忽略它。</translation>
    </message>
    <message>
      <source>The speaker embedding {name} cannot be read as a .npy file: {reason}</source>
      <translation>无法将说话人嵌入 {name} 读取为 .npy 文件：{reason}</translation>
    </message>
    <message>
      <source>The speaker embedding {name} must hold {dim} finite numbers (an x-vector); it holds {size}.</source>
      <translation>说话人嵌入 {name} 必须包含 {dim} 个有限数值（x-vector）；实际有 {size} 个。</translation>
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
      <source>The text has {what} words, which this {language} voice cannot say well. Choose a {what} voice for them.</source>
      <translation>文本中有{what}内容，这个 {language} 语音读不好。请为它们选择{what}语音。</translation>
    </message>
    <message>
      <source>The text has {what} words, which this {language} voice cannot say well. Choose a {what} voice such as {voice} ({name}) for them; download it with: aigc-studio models download {voice}</source>
      <translation>文本中有{what}内容，这个 {language} 语音读不好。请为它们选择{what}语音，例如 {voice}（{name}）；下载命令：aigc-studio models download {voice}</translation>
    </message>
    <message>
      <source>The text holds only emoji, which a voice cannot say: write some words.</source>
      <translation>文本只有表情符号，语音无法朗读：请写一些文字。</translation>
    </message>
    <message>
      <source>The text holds only symbols and punctuation ({sample}), which a voice cannot say: write some words.</source>
      <translation>文本只有符号和标点（{sample}），语音无法朗读：请写一些文字。</translation>
    </message>
    <message>
      <source>The text is too long to speak at once ({chars} characters; at most {limit}): split it into parts.</source>
      <translation>文本太长，无法一次朗读（{chars} 个字符；最多 {limit} 个）：请分成几部分。</translation>
    </message>
    <message>
      <source>The text to speak must be text.</source>
      <translation>要朗读的内容必须是文本。</translation>
    </message>
    <message>
      <source>The timeout must be between 1 and {high} seconds (got {value}).</source>
      <translation>超时时间必须在 1 到 {high} 秒之间（当前为 {value}）。</translation>
    </message>
    <message>
      <source>The transformers backend needs a model folder; {ref} is a Piper voice.</source>
      <translation>transformers 后端需要模型文件夹；{ref} 是 Piper 语音。</translation>
    </message>
    <message>
      <source>The voice's files changed since this request was made ({old}, now {new}): the speech may differ.</source>
      <translation>语音文件在此请求之后已更改（原为 {old}，现为 {new}）：合成的语音可能不同。</translation>
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
      <source>The {name} must be a multiple of 8 pixels: {value} is not (try {lower} or {upper}).</source>
      <translation>{name} 必须是 8 像素的倍数：{value} 不是（试试 {lower} 或 {upper}）。</translation>
    </message>
    <message>
      <source>The {name} must be between {low} and {high} pixels (got {value}).</source>
      <translation>{name} 必须在 {low} 到 {high} 像素之间（收到的是 {value}）。</translation>
    </message>
    <message>
      <source>There is already an endpoint named {name}.</source>
      <translation>已经有名为 {name} 的端点。</translation>
    </message>
    <message>
      <source>There is no endpoint named {name}. Add it in Settings → Endpoints or with: aigc-studio endpoints add {name} URL</source>
      <translation>没有名为 {name} 的端点。请在“设置 → 端点”中添加，或运行：aigc-studio endpoints add {name} URL</translation>
    </message>
    <message>
      <source>There is no text to speak: type or open some text.</source>
      <translation>没有要朗读的文本：请输入或打开一些文本。</translation>
    </message>
    <message>
      <source>There is no {kind} device called “{name}”. Available: {names}.</source>
      <translation>没有名为“{name}”的{kind}设备。可用的有：{names}。</translation>
    </message>
    <message>
      <source>This is an inpainting model: give it an image and a mask (for text-to-image, choose a regular model).</source>
      <translation>这是一个局部重绘模型：请给它一张图像和一个蒙版（文生图请选择普通模型）。</translation>
    </message>
    <message>
      <source>This llama.cpp build has no {kind} support; running on the CPU.</source>
      <translation>此 llama.cpp 版本不支持 {kind}；改在 CPU 上运行。</translation>
    </message>
    <message>
      <source>This voice could say none of the text (it has no sounds for its characters). Choose a voice for the text's language.</source>
      <translation>这个语音无法朗读文本中的任何内容（它没有这些字符的发音）。请选择与文本语言相符的语音。</translation>
    </message>
    <message>
      <source>This voice has no speaker {speaker}; choose one of {names}.</source>
      <translation>这个语音没有说话人 {speaker}；请从 {names} 中选择。</translation>
    </message>
    <message>
      <source>This voice has one speaker; leave the speaker empty.</source>
      <translation>这个语音只有一个说话人；请将说话人留空。</translation>
    </message>
    <message>
      <source>This voice's tokenizer needs a package that is not installed: {reason}</source>
      <translation>这个语音的分词器需要一个未安装的软件包：{reason}</translation>
    </message>
    <message>
      <source>Transcribing {name}: {at} of {total}</source>
      <translation>正在转写 {name}：{at} / {total}</translation>
    </message>
    <message>
      <source>Transcribing {name}…</source>
      <translation>正在转写 {name}…</translation>
    </message>
    <message>
      <source>Turbo models are made for 1-4 steps; more steps seldom help.</source>
      <translation>Turbo 模型为 1-4 步设计；更多步数很少有帮助。</translation>
    </message>
    <message>
      <source>Unexpected error: {text}</source>
      <translation>意外错误：{text}</translation>
    </message>
    <message>
      <source>Unknown language {value}: use auto or a code such as en, zh, fr.</source>
      <translation>未知语言 {value}：请用 auto 或 en、zh、fr 这样的代码。</translation>
    </message>
    <message>
      <source>Unknown {name} {value}; choose one of {allowed}.</source>
      <translation>未知的 {name}：{value}；可选：{allowed}。</translation>
    </message>
    <message>
      <source>Waiting for {name}…</source>
      <translation>正在等待 {name}…</translation>
    </message>
    <message>
      <source>batched must be true, false or auto (None).</source>
      <translation>batched 必须是 true、false 或自动（None）。</translation>
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
      <source>endpoint must be text (a name or a URL).</source>
      <translation>endpoint 必须是文本（名称或 URL）。</translation>
    </message>
    <message>
      <source>exit code {code}</source>
      <translation>退出码 {code}</translation>
    </message>
    <message>
      <source>faster-whisper cannot run {type} on {device}: {reason}</source>
      <translation>faster-whisper 无法在 {device} 上以 {type} 运行：{reason}</translation>
    </message>
    <message>
      <source>faster-whisper cannot use Apple GPUs (MPS); choose cpu, or the transformers backend.</source>
      <translation>faster-whisper 不能使用 Apple GPU（MPS）；请选择 cpu 或 transformers 后端。</translation>
    </message>
    <message>
      <source>input</source>
      <translation>输入</translation>
    </message>
    <message>
      <source>int8 is a faster-whisper compute type; choose auto, float32, float16 or bfloat16 for transformers.</source>
      <translation>int8 是 faster-whisper 的计算类型；transformers 请选择 auto、float32、float16 或 bfloat16。</translation>
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
      <source>must be 0 or more seconds</source>
      <translation>必须为 0 秒或更多</translation>
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
      <source>must be more than 0 seconds</source>
      <translation>必须大于 0 秒</translation>
    </message>
    <message>
      <source>must be more than 0; 1 means off</source>
      <translation>必须大于 0；1 表示关闭</translation>
    </message>
    <message>
      <source>must be one or more temperatures between 0 and 2</source>
      <translation>必须是一个或多个 0 到 2 之间的温度</translation>
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
      <source>samples must be a one-dimensional array of mono audio.</source>
      <translation>samples 必须是单声道音频的一维数组。</translation>
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
      <source>{count} endpoint(s) had values that were not valid</source>
      <translation>有 {count} 个端点的值无效</translation>
    </message>
    <message>
      <source>{count} sentence(s) had nothing this voice could say and were left out.</source>
      <translation>有 {count} 句没有这个语音能读的内容，已略过。</translation>
    </message>
    <message>
      <source>{file} of {repo} arrived damaged (its size or checksum does not match what the hub states). Download it again.</source>
      <translation>{repo} 的 {file} 下载后已损坏（大小或校验和与模型仓库声明的不符）。请重新下载。</translation>
    </message>
    <message>
      <source>{folder} is not a transformers model folder (no readable config.json).</source>
      <translation>{folder} 不是 transformers 模型文件夹（没有可读的 config.json）。</translation>
    </message>
    <message>
      <source>{name} answered something that is not JSON; is the URL an OpenAI-compatible API?</source>
      <translation>{name} 返回的不是 JSON；该 URL 是兼容 OpenAI 的 API 吗？</translation>
    </message>
    <message>
      <source>{name} answered without images.</source>
      <translation>{name} 的应答中没有图像。</translation>
    </message>
    <message>
      <source>{name} answered, but not with a model list; is it an OpenAI-compatible server?</source>
      <translation>{name} 有应答，但返回的不是模型列表；它是兼容 OpenAI 的服务器吗？</translation>
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
      <source>{name} could not be loaded as a Piper voice: {reason}</source>
      <translation>无法将 {name} 作为 Piper 语音加载：{reason}</translation>
    </message>
    <message>
      <source>{name} could not be loaded with the configuration {config}: {reason}</source>
      <translation>无法用配置 {config} 加载 {name}：{reason}</translation>
    </message>
    <message>
      <source>{name} could not be loaded: {reason}</source>
      <translation>无法加载 {name}：{reason}</translation>
    </message>
    <message>
      <source>{name} did not answer within {seconds} s. It may be overloaded or loading the model; try again, or raise the endpoint's timeout.</source>
      <translation>{name} 在 {seconds} 秒内没有应答。它可能负载过高或正在加载模型；请重试，或调高该端点的超时时间。</translation>
    </message>
    <message>
      <source>{name} does not exist.</source>
      <translation>{name} 不存在。</translation>
    </message>
    <message>
      <source>{name} does not serve {path} (404). Is it an OpenAI-compatible server, and does the URL end where its API starts (often /v1)?</source>
      <translation>{name} 不提供 {path}（404）。它是兼容 OpenAI 的服务器吗？URL 是否止于其 API 的起点（通常是 /v1）？</translation>
    </message>
    <message>
      <source>{name} does not take the seed, steps, guidance or negative prompt ({detail}); sent without them.</source>
      <translation>{name} 不接受种子、步数、引导系数或反向提示词（{detail}）；已不带这些参数发送。</translation>
    </message>
    <message>
      <source>{name} does not take top_k or the repetition penalty ({detail}); sent without them.</source>
      <translation>{name} 不接受 top_k 或重复惩罚（{detail}）；已不带这些参数发送。</translation>
    </message>
    <message>
      <source>{name} failed ({status}: {detail}) after {tries} tries. Try again later, or look at the server's log.</source>
      <translation>{name} 尝试 {tries} 次后仍然失败（{status}：{detail}）。请稍后重试，或查看服务器日志。</translation>
    </message>
    <message>
      <source>{name} failed ({status}: {detail}); trying again in {seconds} s.</source>
      <translation>{name} 出错（{status}：{detail}）；{seconds} 秒后重试。</translation>
    </message>
    <message>
      <source>{name} failed part-way ({reason}); the images that arrived are kept.</source>
      <translation>{name} 中途出错（{reason}）；已收到的图像已保留。</translation>
    </message>
    <message>
      <source>{name} failed part-way ({reason}); the segments that arrived are kept.</source>
      <translation>{name} 中途出错（{reason}）；已收到的片段已保留。</translation>
    </message>
    <message>
      <source>{name} failed part-way ({reason}); the sentences made are kept.</source>
      <translation>{name} 中途出错（{reason}）；已合成的句子已保留。</translation>
    </message>
    <message>
      <source>{name} has no .safetensors weights for every part. AIGC Studio loads only safetensors; pick a safetensors copy of the model.</source>
      <translation>{name} 并非每个部分都有 .safetensors 权重。AIGC Studio 只加载 safetensors；请选择该模型的 safetensors 版本。</translation>
    </message>
    <message>
      <source>{name} has no .safetensors weights. AIGC Studio loads only safetensors; convert the model or pick a safetensors copy of it.</source>
      <translation>{name} 没有 .safetensors 权重。AIGC 工作室只加载 safetensors；请转换模型，或选用它的 safetensors 版本。</translation>
    </message>
    <message>
      <source>{name} has no model {model} (404: {detail}). Choose one of the models it lists (aigc-studio endpoints test).</source>
      <translation>{name} 上没有模型 {model}（404：{detail}）。请从它列出的模型中选择（aigc-studio endpoints test）。</translation>
    </message>
    <message>
      <source>{name} is a faster-whisper (CTranslate2) model: choose the faster-whisper backend.</source>
      <translation>{name} 是 faster-whisper（CTranslate2）模型：请选择 faster-whisper 后端。</translation>
    </message>
    <message>
      <source>{name} is a file, not a model: choose a model folder or a {suffixes} file.</source>
      <translation>{name} 是普通文件，不是模型：请选择模型文件夹或 {suffixes} 文件。</translation>
    </message>
    <message>
      <source>{name} is a pickled checkpoint ({suffix}), which can run code when loaded: AIGC Studio loads .safetensors only. Download the .safetensors version of the model.</source>
      <translation>{name} 是 pickle 格式的检查点（{suffix}），加载时可能执行代码：AIGC Studio 只加载 .safetensors。请下载该模型的 .safetensors 版本。</translation>
    </message>
    <message>
      <source>{name} is a single-file checkpoint; loading it needs the configuration of its base model ({repo}), which is not on this machine and could not be fetched (offline?). Download that model once (aigc-studio models download {repo}), or name a diffusers folder of the same kind as its configuration (--config).</source>
      <translation>{name} 是单文件检查点；加载它需要其基础模型（{repo}）的配置，而本机没有该配置且无法获取（处于离线状态？）。请下载一次该模型（aigc-studio models download {repo}），或指定一个同类的 diffusers 文件夹作为配置（--config）。</translation>
    </message>
    <message>
      <source>{name} is a transformers model: choose the transformers backend.</source>
      <translation>{name} 是 transformers 模型：请选择 transformers 后端。</translation>
    </message>
    <message>
      <source>{name} is busy (429 Too Many Requests): waiting {seconds} s as it asks, then trying again.</source>
      <translation>{name} 正忙（429 请求过多）：按其要求等待 {seconds} 秒后重试。</translation>
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
      <source>{name} is damaged: {reason}</source>
      <translation>{name} 已损坏：{reason}</translation>
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
      <source>{name} is not a Stable Diffusion (1.x, 2.x, XL) model: {reason}</source>
      <translation>{name} 不是 Stable Diffusion（1.x、2.x、XL）模型：{reason}</translation>
    </message>
    <message>
      <source>{name} is not a Stable Diffusion 1.x, 2.x or XL checkpoint this app can load (it looks like: {kind}).</source>
      <translation>{name} 不是本应用能加载的 Stable Diffusion 1.x、2.x 或 XL 检查点（看起来是：{kind}）。</translation>
    </message>
    <message>
      <source>{name} is not a Stable Diffusion model folder (no readable model_index.json).</source>
      <translation>{name} 不是 Stable Diffusion 模型文件夹（没有可读取的 model_index.json）。</translation>
    </message>
    <message>
      <source>{name} is not a faster-whisper (CTranslate2) model: {reason}</source>
      <translation>{name} 不是 faster-whisper（CTranslate2）模型：{reason}</translation>
    </message>
    <message>
      <source>{name} is not a readable .safetensors file: {reason}</source>
      <translation>{name} 不是可读取的 .safetensors 文件：{reason}</translation>
    </message>
    <message>
      <source>{name} is not a regular file (a pipe or a device?); choose a model folder or file.</source>
      <translation>{name} 不是普通文件（是管道或设备？）；请选择模型文件夹或文件。</translation>
    </message>
    <message>
      <source>{name} is not a speech recognition (Whisper or CTC) model: {reason}</source>
      <translation>{name} 不是语音识别（Whisper 或 CTC）模型：{reason}</translation>
    </message>
    <message>
      <source>{name} is not a text-generation (causal LM) model: {reason}</source>
      <translation>{name} 不是文本生成（因果语言）模型：{reason}</translation>
    </message>
    <message>
      <source>{name} is not a text-to-speech model this app can run (model type {kind}; VITS/MMS-TTS and SpeechT5 are supported).</source>
      <translation>{name} 不是本应用能运行的语音合成模型（模型类型 {kind}；支持 VITS/MMS-TTS 和 SpeechT5）。</translation>
    </message>
    <message>
      <source>{name} is not an audio file, or its format is not supported.</source>
      <translation>{name} 不是音频文件，或其格式不受支持。</translation>
    </message>
    <message>
      <source>{name} is not an image this app can read.</source>
      <translation>{name} 不是本应用能读取的图像。</translation>
    </message>
    <message>
      <source>{name} is too large for a prompt ({mb} MB).</source>
      <translation>{name} 太大，不能用作提示词（{mb} MB）。</translation>
    </message>
    <message>
      <source>{name} limits the upload size: the audio goes in pieces cut at quiet moments.</source>
      <translation>{name} 限制了上传大小：音频将在安静处切分后分段发送。</translation>
    </message>
    <message>
      <source>{name} looks like a binary file, not text.</source>
      <translation>{name} 看起来是二进制文件，不是文本。</translation>
    </message>
    <message>
      <source>{name} must be text.</source>
      <translation>{name} 必须是文本。</translation>
    </message>
    <message>
      <source>{name} must be true or false.</source>
      <translation>{name} 必须是 true 或 false。</translation>
    </message>
    <message>
      <source>{name} needs about {size} of memory, more than the whole memory budget ({budget}). Raise the memory budget in the settings, or choose a smaller model (or a smaller quantisation of it).</source>
      <translation>{name} 大约需要 {size} 内存，超过了整个内存预算（{budget}）。请在设置中提高内存预算，或选择更小的模型（或它更小的量化版本）。</translation>
    </message>
    <message>
      <source>{name} needs to run Python code that comes with the model (trust_remote_code), which could do anything your user account can. AIGC Studio never does this on its own. If you trust its authors, allow remote code for {name} in the settings (trust_remote_code_models), then download it again so its code is fetched.</source>
      <translation>{name} 需要运行模型自带的 Python 代码（trust_remote_code），这些代码能做你的用户账户能做的任何事。AIGC Studio 从不自行这样做。如果你信任其作者，请在设置中为 {name} 允许远程代码（trust_remote_code_models），然后重新下载以获取其代码。</translation>
    </message>
    <message>
      <source>{name} only transcribes (a CTC model cannot translate).</source>
      <translation>{name} 只能转写（CTC 模型不能翻译）。</translation>
    </message>
    <message>
      <source>{name} refused the API key ({status}: {detail}). Set the endpoint's key in Settings → Endpoints (or pass it with --api-key-env).</source>
      <translation>{name} 拒绝了 API 密钥（{status}：{detail}）。请在“设置 → 端点”中设置该端点的密钥（或用 --api-key-env 传入）。</translation>
    </message>
    <message>
      <source>{name} refused the request ({status}: {detail}).</source>
      <translation>{name} 拒绝了请求（{status}：{detail}）。</translation>
    </message>
    <message>
      <source>{name} refuses even {seconds} s of audio (413 Payload Too Large); raise its upload limit.</source>
      <translation>{name} 连 {seconds} 秒的音频都拒绝（413 请求体过大）；请提高它的上传限制。</translation>
    </message>
    <message>
      <source>{name} refuses requests this large (413 Payload Too Large).</source>
      <translation>{name} 拒绝这么大的请求（413 请求体过大）。</translation>
    </message>
    <message>
      <source>{name} understands English only: the audio is transcribed as English.</source>
      <translation>{name} 只懂英语：音频按英语转写。</translation>
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
      <source>{name} uses plain HTTP to another machine: its API key would travel unencrypted. Use https, or confirm it for this endpoint (the allow_plain_http flag: aigc-studio endpoints add NAME URL --allow-plain-http).</source>
      <translation>{name} 通过明文 HTTP 连接另一台机器：其 API 密钥会以未加密方式传输。请使用 https，或为此端点确认允许（allow_plain_http 选项：aigc-studio endpoints add NAME URL --allow-plain-http）。</translation>
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
      <source>{ref} is built in (it comes with the app's packages) and cannot be removed.</source>
      <translation>{ref} 是内置模型（随应用的软件包一起安装），不能删除。</translation>
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
      <source>{ref} is not downloaded: nothing to remove.</source>
      <translation>{ref} 尚未下载：没有可删除的内容。</translation>
    </message>
    <message>
      <source>{ref} was not downloaded by AIGC Studio, so its files cannot be checked against the hub's hashes.</source>
      <translation>{ref} 不是由 AIGC Studio 下载的，无法按模型仓库的哈希值校验其文件。</translation>
    </message>
    <message>
      <source>{repo} has no model weights this app can use (safetensors, GGUF or CTranslate2).</source>
      <translation>{repo} 没有本应用可用的模型权重（safetensors、GGUF 或 CTranslate2）。</translation>
    </message>
    <message>
      <source>{repo} has only pickled weights ({example}). Loading a pickle can run any code its author put in it, so AIGC Studio refuses them. Look for a safetensors copy of the model; if you trust its authors, allow pickled weights for {repo} in the settings (allow_pickle_models) and download again.</source>
      <translation>{repo} 只有 pickle 格式的权重（{example}）。加载 pickle 会运行其作者放入的任何代码，因此 AIGC Studio 拒绝使用。请寻找该模型的 safetensors 版本；如果你信任其作者，可在设置中为 {repo} 允许 pickle 权重（allow_pickle_models），然后重新下载。</translation>
    </message>
    <message>
      <source>{repo} needs {needed} more disk space but only {free} is free in {folder}. Free some space, or choose another cache folder in the settings, and try again.</source>
      <translation>{repo} 还需要 {needed} 磁盘空间，但 {folder} 只剩 {free} 可用。请释放一些空间，或在设置中选择其他缓存文件夹，然后重试。</translation>
    </message>
    <message>
      <source>{steps} steps at strength {strength} is less than one step: raise the steps or the strength.</source>
      <translation>{steps} 步乘以强度 {strength} 不足一步：请增加步数或强度。</translation>
    </message>
    <message>
      <source>{task}</source>
      <translation>{task}</translation>
    </message>
    <message>
      <source>{text}</source>
      <translation>{text}</translation>
    </message>
    <message>
      <source>{url} is not a link to a .gguf or .safetensors file, nor to a file on a model hub.</source>
      <translation>{url} 既不是 .gguf 或 .safetensors 文件的链接，也不是模型仓库上文件的链接。</translation>
    </message>
    <message>
      <source>{what} {name} does not exist.</source>
      <translation>{what} {name} 不存在。</translation>
    </message>
    <message>
      <source>{what} {name} is damaged: {reason}</source>
      <translation>{what} {name} 已损坏：{reason}</translation>
    </message>
    <message>
      <source>{what} {name} is not a file.</source>
      <translation>{what} {name} 不是文件。</translation>
    </message>
    <message>
      <source>{what} {name} is not an image (or not a kind this app reads: PNG, JPEG, WebP, BMP, TIFF, GIF).</source>
      <translation>{what} {name} 不是图像（或不是本应用能读取的格式：PNG、JPEG、WebP、BMP、TIFF、GIF）。</translation>
    </message>
    <message>
      <source>{what} {name} is too large to open.</source>
      <translation>{what} {name} 太大，无法打开。</translation>
    </message>
    <message>
      <source>{width}x{height} is too large: at most {limit} megapixels.</source>
      <translation>{width}x{height} 太大：最多 {limit} 百万像素。</translation>
    </message>
  </context>
</TS>