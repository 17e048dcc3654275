using System.Net;
using System.Net.Sockets;
using System.Text;
using CommonGround.Core.Notifications;

namespace CommonGround.Core.Tests.Notifications;

public sealed class SmtpTransportTests
{
    [Fact]
    public async Task An_email_goes_over_smtp_to_the_configured_server_with_its_outbox_id_as_message_id()
    {
        using var server = new LoopbackSmtpServer();
        var options = Microsoft.Extensions.Options.Options.Create(new EmailOptions
        {
            FromAddress = "no-reply@commonground.example.org",
            FromName = "CommonGround",
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, UseStartTls = false },
        });
        var message = new OutboxMessage
        {
            ToAddress = "alex@example.org",
            ToName = "Alex Morgan",
            Subject = "A new delivery was recorded",
            BodyText = "Open CommonGround to see it.",
            CreatedAt = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc),
            NextAttemptAt = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc),
        };

        var received = server.ReceiveOneAsync();
        await new SmtpTransport(options).SendAsync(message, TestContext.Current.CancellationToken);
        var (recipient, data) = await received;

        Assert.Equal("<alex@example.org>", recipient);
        Assert.Contains("Subject: A new delivery was recorded", data, StringComparison.Ordinal);
        Assert.Contains($"Message-Id: <{message.Id:N}@commonground>", data, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Open CommonGround to see it.", data, StringComparison.Ordinal);
    }

    /// <summary>Just enough of an SMTP server on loopback to accept one message.</summary>
    private sealed class LoopbackSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public LoopbackSmtpServer() => _listener.Start();

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async Task<(string Recipient, string Data)> ReceiveOneAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ready");
            string recipient = "", data = "";
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.ToUpperInvariant();
                if (command.StartsWith("EHLO", StringComparison.Ordinal) || command.StartsWith("HELO", StringComparison.Ordinal))
                {
                    await writer.WriteLineAsync("250 localhost");
                }
                else if (command.StartsWith("RCPT TO:", StringComparison.Ordinal))
                {
                    recipient = line[8..].Trim();
                    await writer.WriteLineAsync("250 OK");
                }
                else if (command == "DATA")
                {
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var body = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        body.AppendLine(dataLine);
                    }

                    data = body.ToString();
                    await writer.WriteLineAsync("250 OK queued");
                }
                else if (command == "QUIT")
                {
                    await writer.WriteLineAsync("221 Bye");
                    break;
                }
                else
                {
                    await writer.WriteLineAsync("250 OK");
                }
            }

            return (recipient, data);
        }

        public void Dispose() => _listener.Stop();
    }
}
