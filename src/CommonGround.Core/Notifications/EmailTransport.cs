using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CommonGround.Core.Notifications;

public interface IEmailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

internal static class MimeMessages
{
    public static MimeMessage From(OutboxMessage message, EmailOptions options)
    {
        var mime = new MimeMessage
        {
            // The outbox id as Message-Id lets a receiving server recognise a repeat after a crash.
            MessageId = $"{message.Id:N}@commonground",
            Subject = message.Subject,
            Body = Body(message),
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Date = message.CreatedAt;
        return mime;
    }

    private static MimeEntity Body(OutboxMessage message)
    {
        var text = new TextPart("plain") { Text = message.BodyText };
        if (message.AttachmentFileName is null || message.AttachmentText is null)
        {
            return text;
        }

        var type = ContentType.Parse(message.AttachmentContentType ?? "text/plain");
        var attachment = new TextPart(type.MediaSubtype)
        {
            Text = message.AttachmentText,
            FileName = message.AttachmentFileName,
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = message.AttachmentFileName },
        };
        if (type.MimeType == "text/calendar")
        {
            // Calendar programs look for the method on the part to offer "add to calendar".
            attachment.ContentType.Parameters.Add("method", message.AttachmentText.Contains("METHOD:CANCEL", StringComparison.Ordinal) ? "CANCEL" : "REQUEST");
        }

        return new Multipart("mixed") { text, attachment };
    }
}

/// <summary>Writes each email as an .eml file, named by its outbox id so a retry overwrites rather than duplicates.</summary>
public sealed class PickupFolderTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var folder = options.Value.PickupFolder;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{message.Id:N}.eml");
        var temp = path + ".tmp";
        await MimeMessages.From(message, options.Value).WriteToAsync(temp, cancellationToken);
        File.Move(temp, path, overwrite: true);
    }
}

public sealed class SmtpTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(MimeMessages.From(message, options.Value), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
