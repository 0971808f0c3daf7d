namespace TicketSaas.Modules.Transcripts.Rendering;

/// <summary>
/// The page's only style sheet, inline so a saved page is complete on its own. Discord's dark theme, with system fonts:
/// a transcript loads nothing from any other host, and spoilers open on hover or focus, without script.
/// </summary>
internal static class TranscriptStyles
{
    public const string Css = """
        :root{color-scheme:dark;--bg:#313338;--bg-dark:#2b2d31;--bg-darker:#1e1f22;--text:#dbdee1;--muted:#949ba4;--strong:#f2f3f5;--link:#00a8fc;--mention:#c9cdfb;--mention-bg:rgba(88,101,242,.3)}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--text);font:16px/1.375 "gg sans","Noto Sans","Helvetica Neue",Helvetica,Arial,sans-serif;overflow-wrap:anywhere}
        a{color:var(--link);text-decoration:none}
        a:hover{text-decoration:underline}
        .ticket{background:var(--bg-dark);padding:20px 16px;border-bottom:1px solid var(--bg-darker)}
        .ticket .guild{color:var(--muted);font-size:14px;text-transform:uppercase;letter-spacing:.02em}
        .ticket h1{margin:4px 0 12px;color:var(--strong);font-size:24px}
        .ticket h2{margin:16px 0 8px;color:var(--strong);font-size:16px}
        .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:8px 24px;margin:0}
        .facts dt,.answers dt{color:var(--muted);font-size:12px;font-weight:700;text-transform:uppercase}
        .facts dd{margin:2px 0 0}
        .closes ol{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0;padding:0;list-style:none}
        .closes a[aria-current]{color:var(--strong);font-weight:700}
        .answers dl{margin:0}
        .answers dd{margin:2px 0 10px;white-space:pre-wrap}
        .times-note{color:var(--muted);font-size:12px;margin:16px 0 0}
        .notice{margin:16px;padding:12px 16px;border-radius:8px;background:rgba(240,178,50,.1);border:1px solid #f0b232;color:var(--strong)}
        .messages{padding:8px 0 32px}
        .empty{color:var(--muted);padding:0 16px}
        .channel-divider{display:flex;align-items:center;gap:8px;margin:24px 16px 8px;color:var(--muted);font-size:12px;font-weight:700}
        .channel-divider::before,.channel-divider::after{content:"";flex:1;border-top:1px solid #3f4147}
        .group{margin-top:17px}
        .message{position:relative;padding:2px 48px 2px 72px;min-height:22px}
        .message:hover{background:#2e3035}
        .message.first{min-height:44px}
        .avatar{position:absolute;left:16px;top:4px;width:40px;height:40px;border-radius:50%;object-fit:cover}
        .reply~.avatar{top:26px}
        .default-avatar-0{background:#5865f2}.default-avatar-1{background:#757e8a}.default-avatar-2{background:#3ba55c}
        .default-avatar-3{background:#faa61a}.default-avatar-4{background:#ed4245}.default-avatar-5{background:#eb459f}
        .header{display:flex;align-items:baseline;gap:8px;flex-wrap:wrap}
        .name{color:var(--strong);font-weight:600}
        .bot-tag{background:#5865f2;color:#fff;font-size:10px;font-weight:700;padding:1px 4px;border-radius:3px;align-self:center}
        .time,.embed-timestamp{color:var(--muted);font-size:12px}
        .side-time{position:absolute;left:0;width:64px;text-align:right;top:5px;color:var(--muted);font-size:11px;visibility:hidden}
        .message:hover .side-time{visibility:visible}
        .reply{display:flex;align-items:center;gap:4px;font-size:14px;color:var(--muted);margin-left:-16px;padding-left:16px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;position:relative}
        .reply::before{content:"";position:absolute;left:-36px;top:50%;width:33px;height:10px;border-left:2px solid #4e5058;border-top:2px solid #4e5058;border-top-left-radius:6px}
        .reply-name{font-weight:600;color:var(--strong)}
        .reply-text{color:#b5bac1;overflow:hidden;text-overflow:ellipsis}
        .reply-missing{font-style:italic}
        .content{white-space:pre-wrap;overflow-wrap:anywhere}
        .content.jumbo{font-size:48px;line-height:1.2}
        .content h1,.embed-description h1{font-size:24px;margin:8px 0 0;line-height:1.375;color:var(--strong)}
        .content h2,.embed-description h2{font-size:20px;margin:8px 0 0;line-height:1.375;color:var(--strong)}
        .content h3,.embed-description h3{font-size:16px;margin:8px 0 0;line-height:1.375;color:var(--strong)}
        .subtext{display:block;font-size:12px;color:var(--muted)}
        ul,ol{margin:4px 0 0 16px;padding-left:16px;white-space:normal}
        blockquote{margin:0;padding:0 8px 0 12px;border-left:4px solid #4e5058}
        code.inline{background:var(--bg-darker);border-radius:4px;padding:0 .2em;font-size:85%;font-family:Consolas,"Andale Mono WT","Andale Mono","Liberation Mono",monospace}
        pre.code-block{margin:6px 0 0;background:var(--bg-dark);border:1px solid var(--bg-darker);border-radius:4px;padding:8px;font-size:14px;white-space:pre-wrap;font-family:Consolas,"Andale Mono WT","Andale Mono","Liberation Mono",monospace}
        .mention{background:var(--mention-bg);color:var(--mention);border-radius:3px;padding:0 2px;font-weight:500}
        .mention.role{background:rgba(255,255,255,.06)}
        .timestamp{background:rgba(255,255,255,.06);border-radius:3px;padding:0 2px}
        .edited{color:var(--muted);font-size:10px}
        .spoiler{background:var(--bg-darker);border-radius:3px;cursor:pointer;outline:none}
        .spoiler:not(:hover):not(:focus){color:transparent}
        .spoiler:not(:hover):not(:focus) *{visibility:hidden}
        .spoiler:hover,.spoiler:focus{background:rgba(255,255,255,.1)}
        .spoiler-attachment{cursor:pointer;outline:none;overflow:hidden;border-radius:8px;width:fit-content}
        .spoiler-attachment:not(:hover):not(:focus)>*{filter:blur(44px)}
        img.emoji{width:22px;height:22px;vertical-align:bottom;object-fit:contain}
        .jumbo img.emoji{width:48px;height:48px}
        .emoji-name{color:var(--muted)}
        .embed{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:8px 16px;max-width:520px;margin-top:4px;padding:8px 16px 16px 12px;background:var(--bg-dark);border-left:4px solid var(--bg-darker);border-radius:4px;white-space:normal}
        .embed-main{display:flex;flex-direction:column;gap:8px;min-width:0}
        .embed-author{display:flex;align-items:center;gap:8px;font-size:14px;font-weight:600;color:var(--strong)}
        .embed-author a{color:var(--strong)}
        .embed-author-icon,.embed-footer-icon{width:24px;height:24px;border-radius:50%}
        .embed-footer-icon{width:20px;height:20px}
        .embed-title{font-weight:600;color:var(--strong)}
        .embed-description{font-size:14px;white-space:pre-wrap}
        .embed-fields{display:flex;flex-wrap:wrap;gap:8px}
        .embed-field{flex:1 0 100%;font-size:14px}
        .embed-field.inline{flex:1 0 30%}
        .embed-field-name{font-weight:600;color:var(--strong)}
        .embed-field-value{white-space:pre-wrap}
        .embed-image{max-width:100%;max-height:300px;border-radius:4px}
        .embed-thumbnail{max-width:80px;max-height:80px;border-radius:4px}
        .embed-footer{display:flex;align-items:center;gap:8px;font-size:12px;color:var(--muted)}
        .attachments{display:flex;flex-direction:column;gap:4px;margin-top:4px}
        .attachment-image img,.attachment-video{display:block;max-width:min(400px,100%);max-height:300px;width:auto;height:auto;border-radius:8px}
        .attachment-file{display:flex;flex-wrap:wrap;align-items:center;gap:4px 12px;max-width:432px;padding:10px 12px;background:var(--bg-dark);border:1px solid var(--bg-darker);border-radius:8px}
        .attachment-file audio{flex-basis:100%;width:100%}
        .file-name{font-weight:500}
        .file-size,.file-description{color:var(--muted);font-size:12px}
        .file-description{flex-basis:100%}
        .attachment-file.missing .file-name{color:var(--strong)}
        .file-missing{color:#f0b232;font-size:12px}
        .sticker{display:block;margin-top:4px;width:160px;height:160px}
        .sticker-name{margin-top:4px;color:var(--muted);font-style:italic}
        .reactions{display:flex;flex-wrap:wrap;gap:4px;margin-top:4px}
        .reaction{display:inline-flex;align-items:center;gap:6px;padding:2px 6px;border-radius:8px;background:var(--bg-dark);border:1px solid transparent;font-size:14px}
        .reaction img.emoji{width:16px;height:16px}
        .reaction-count{color:#b5bac1;font-weight:600}
        .message.system{display:flex;align-items:baseline;gap:8px;padding-left:28px;color:var(--muted);margin-top:8px}
        .system-icon{width:28px;text-align:center;flex:none}
        .system-text .name{color:var(--strong)}
        """;
}
