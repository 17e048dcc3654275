using System.Net;
using CommonGround.Core.Links;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace CommonGround.Web.Infrastructure.Security;

/// <summary>The proxies in front of the service, whose X-Forwarded-For and X-Forwarded-Proto headers are believed.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// What the service believes about where a request came from. The Host header and X-Forwarded-* headers are typed by
/// whoever sends the request: only the configured public address and the configured proxies are trusted, so nobody can
/// get a link to their own server into an email, or choose the address that rate limits and "who has seen" record.
/// </summary>
public static class NetworkEdge
{
    public static void AddNetworkEdge(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var publicUrl = PublicAddress.Parse(configuration[$"{ServiceOptions.Section}:{nameof(ServiceOptions.PublicUrl)}"] ?? new ServiceOptions().PublicUrl);
        var extra = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (environment.IsDevelopment() && (extra.Length == 0 || extra.Contains("*")))
        {
            // A developer's machine answers to whatever it is called.
            services.Configure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);
        }
        else
        {
            if (extra.Contains("*"))
            {
                throw new InvalidOperationException(
                    "AllowedHosts cannot be '*' outside Development: the service answers only to the host of Service:PublicUrl and to any other host names listed in AllowedHosts (separated by ';').");
            }

            services.Configure<HostFilteringOptions>(o =>
            {
                o.AllowedHosts = [publicUrl.Host, .. extra];
                o.AllowEmptyHosts = false;
                o.IncludeFailureMessage = false;
            });
        }

        var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
        var proxies = settings.KnownProxies.Select(p => IPAddress.TryParse(p, out var ip)
            ? ip
            : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has '{p}', which is not an IP address.")).ToList();
        var networks = settings.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks has '{n}', which is not a network like 10.0.0.0/24.")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Walk back through the proxies we know and stop at the first address we do not: that is the client.
            o.ForwardLimit = null;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        services.AddSingleton(new TrustedProxies(proxies.Count + networks.Count > 0));
    }

    /// <summary>Applies forwarded headers only when proxies are configured, and only from a connection with a known address.</summary>
    public static void UseNetworkEdge(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TrustedProxies>().Any)
        {
            app.UseWhen(context => context.Connection.RemoteIpAddress is not null, branch => branch.UseForwardedHeaders());
        }
    }

    private sealed record TrustedProxies(bool Any);
}
