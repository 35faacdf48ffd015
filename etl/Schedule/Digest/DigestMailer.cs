using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Monitoring.Access.Alerts;

namespace Monitoring.Etl.Schedule.Digest;

/// <summary>
/// Sends digests through one SMTP connection (MailKit), opened at the first message and closed at the end. Every failure
/// becomes a <see cref="DigestDeliveryException"/> whose message says what failed in our own words — never the
/// recipient, never the server's reply text (a refusal often quotes the address).
/// </summary>
public sealed class DigestMailer(SmtpSettings settings) : IAsyncDisposable
{
    private readonly SmtpClient _client = new() { Timeout = (int)settings.Timeout.TotalMilliseconds };

    public async Task SendAsync(string recipient, AlertDigest digest, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = digest.Subject;
        message.Body = new TextPart("plain") { Text = digest.Body };
        try
        {
            await ConnectAsync(ct);
            await _client.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new DigestDeliveryException(Describe(e), connectionLost: !_client.IsConnected);
        }
    }

    private async Task ConnectAsync(CancellationToken ct)
    {
        if (_client.IsConnected) return;
        await _client.ConnectAsync(settings.Host, settings.Port, settings.Tls, ct);
        if (settings.User is not null) await _client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
    }

    private string Describe(Exception e)
    {
        var server = $"SMTP server {settings.Host}:{settings.Port}";
        return e switch
        {
            SocketException s => $"{server} unreachable ({s.SocketErrorCode})",
            SmtpCommandException c => $"{server} refused the {Step(c.ErrorCode)} ({(int)c.StatusCode})",
            SmtpProtocolException => $"{server} broke the SMTP protocol",
            AuthenticationException => $"{server} refused the credentials",
            SslHandshakeException => $"{server}: TLS negotiation failed",
            ServiceNotConnectedException or IOException => $"{server} closed the connection",
            OperationCanceledException or TimeoutException => $"{server} did not answer within {settings.Timeout.TotalSeconds:0} s",
            _ => $"{server}: {e.GetType().Name}",
        };
    }

    private static string Step(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.SenderNotAccepted => "sender",
        SmtpErrorCode.RecipientNotAccepted => "recipient",
        SmtpErrorCode.MessageNotAccepted => "message",
        _ => "command",
    };

    public async ValueTask DisposeAsync()
    {
        try { if (_client.IsConnected) await _client.DisconnectAsync(quit: true); }
        catch (Exception e) when (e is IOException or SocketException or ProtocolException or OperationCanceledException) { }
        _client.Dispose();
    }
}
