namespace CommonGround.Core.Notifications;

public sealed class EmailOptions
{
    public string FromAddress { get; set; } = "no-reply@commonground.invalid";
    public string FromName { get; set; } = "CommonGround";
    /// <summary>Where .eml files go when no SMTP server is configured.</summary>
    public string PickupFolder { get; set; } = "";
    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? Username { get; set; }
    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
