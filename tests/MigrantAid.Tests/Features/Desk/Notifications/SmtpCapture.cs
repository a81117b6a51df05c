using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace MigrantAid.Tests.Features.Desk.Notifications;

/// <summary>How the capture server answers.</summary>
public enum SmtpBehaviour
{
    Accept,

    /// <summary>Refuses the recipient, quoting the address as real servers do (550 5.1.1 &lt;x@y&gt;: ...).</summary>
    RejectRecipient,

    /// <summary>Accepts the connection and closes it at once, like a server going down.</summary>
    CloseConnection,
}

/// <summary>
/// A tiny SMTP server on 127.0.0.1 (a free port) that speaks enough of the protocol for System.Net.Mail
/// (220, EHLO/HELO, AUTH with an initial response, MAIL FROM, RCPT TO, DATA, ".", RSET, NOOP, QUIT) and keeps every message it accepts.
/// </summary>
public sealed partial class SmtpCapture : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<CapturedMail> _messages = new();
    private readonly ConcurrentQueue<string> _authentications = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private Task? _acceptLoop;
    private volatile SmtpBehaviour _behaviour = SmtpBehaviour.Accept;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public SmtpBehaviour Behaviour
    {
        get => _behaviour;
        set => _behaviour = value;
    }

    public IReadOnlyList<CapturedMail> Messages => [.. _messages];

    /// <summary>Each AUTH command received: the mechanism and its decoded initial response, e.g. "PLAIN \0user\0secret".</summary>
    public IReadOnlyList<string> Authentications => [.. _authentications];

    public IReadOnlyList<CapturedMail> To(string address) =>
        Messages.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    public void Start()
    {
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        await Task.WhenAll(_sessions);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _sessions.Add(Task.Run(() => SessionAsync(client)));
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            if (Behaviour == SmtpBehaviour.CloseConnection)
            {
                client.Client.Close();
                return;
            }

            var stream = client.GetStream();
            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 capture.test ESMTP ready");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-capture.test");
                        await writer.WriteLineAsync("250-AUTH PLAIN XOAUTH2");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 capture.test");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var to = Address(line);
                        if (Behaviour == SmtpBehaviour.RejectRecipient)
                        {
                            await writer.WriteLineAsync($"550 5.1.1 <{to}>: Recipient address rejected: mailbox unavailable");
                        }
                        else
                        {
                            recipients.Add(to);
                            await writer.WriteLineAsync("250 2.1.5 OK");
                        }

                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        _messages.Enqueue(CapturedMail.Parse(from ?? "", [.. recipients], data.ToString()));
                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "AUTH":
                        _authentications.Enqueue(Authentication(line));
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
    }

    private static string Authentication(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var payload = words.Length > 2 ? Encoding.UTF8.GetString(Convert.FromBase64String(words[2])) : "";
        return words.Length > 1 ? $"{words[1]} {payload}" : line;
    }

    private static string Address(string line)
    {
        var match = AngleAddress().Match(line);
        return match.Success ? match.Groups[1].Value : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AngleAddress();
}

/// <summary>A message as received: envelope, decoded headers and the decoded text body.</summary>
public sealed partial record CapturedMail(string From, IReadOnlyList<string> Recipients, IReadOnlyDictionary<string, string> Headers, string Subject, string Body, string Raw)
{
    public static CapturedMail Parse(string from, IReadOnlyList<string> recipients, string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 4)..];

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var unfolded = FoldedLine().Replace(head, " ");
        foreach (var line in unfolded.Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = DecodeWords(line[(colon + 1)..].Trim());
            }
        }

        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").Trim().ToLowerInvariant();
        var text = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(Whitespace().Replace(body, ""))),
            "quoted-printable" => Encoding.UTF8.GetString(QuotedPrintable(body)),
            _ => body,
        };
        return new CapturedMail(from, recipients, headers, headers.GetValueOrDefault("Subject", ""), text, raw);
    }

    private static string DecodeWords(string value)
    {
        // Whitespace between two encoded words is not part of the text (RFC 2047, 6.2).
        var joined = BetweenWords().Replace(value, "?==?");
        return EncodedWord().Replace(joined, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var bytes = m.Groups[2].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(m.Groups[3].Value)
                : QuotedPrintable(m.Groups[3].Value.Replace('_', ' '));
            return charset.GetString(bytes);
        });
    }

    private static byte[] QuotedPrintable(string text)
    {
        var clean = text.Replace("=\r\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>(clean.Length);
        for (var i = 0; i < clean.Length; i++)
        {
            if (clean[i] == '=' && i + 2 < clean.Length && Uri.IsHexDigit(clean[i + 1]) && Uri.IsHexDigit(clean[i + 2]))
            {
                bytes.Add(Convert.ToByte(clean.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(clean[i].ToString()));
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"\r\n[ \t]+")]
    private static partial Regex FoldedLine();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
