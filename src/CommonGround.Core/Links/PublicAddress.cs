using Microsoft.Extensions.Options;

namespace CommonGround.Core.Links;

/// <summary>Settings for how the service is reached from outside.</summary>
public sealed class ServiceOptions
{
    public const string Section = "Service";

    /// <summary>
    /// The one address people reach the service at, e.g. <c>https://commonground.northvale.gov.uk</c>. Every link that
    /// leaves the service (emails, calendar entries, share links, letters) starts with it; none is built from a request.
    /// </summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";
}

/// <summary>
/// Builds absolute links from the configured public address. A request's Host header is whatever the sender typed, so a
/// link built from it (a password reset, an invitation) could carry a valid token to someone else's server.
/// </summary>
public sealed class PublicAddress
{
    public PublicAddress(IOptions<ServiceOptions> options)
    {
        Origin = Parse(options.Value.PublicUrl);
    }

    /// <summary>The scheme, host and port, e.g. <c>https://commonground.example</c>, with no trailing slash.</summary>
    public Uri Origin { get; }

    /// <summary>The host people use, e.g. <c>commonground.example</c>, which the service answers to.</summary>
    public string Host => Origin.Host;

    /// <summary>An absolute link to a path of the service, e.g. <c>/children/…</c>.</summary>
    public string For(string path) =>
        Origin.GetLeftPart(UriPartial.Authority) + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>Checks the setting; the message says what to fix, for a deployment that refuses to start.</summary>
    public static Uri Parse(string? value)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || uri.AbsolutePath != "/"
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new InvalidOperationException(
                $"Service:PublicUrl must be the address people use to reach the service, with only a scheme, host and optional port, like https://commonground.example (it is '{value}').");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority));
    }
}
