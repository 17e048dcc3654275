using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;

namespace CommonGround.Web.Infrastructure;

/// <summary>
/// Pages and front-end files sent compressed (Brotli, or gzip for older browsers), and front-end files whose address
/// carries their fingerprint kept by the browser for a year: a phone on a weak signal fetches them once.
/// </summary>
public static class CompressedResponses
{
    private const string OneYear = "public, max-age=31536000, immutable";
    private const string OneHour = "public, max-age=3600";

    public static IServiceCollection AddCompressedResponses(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Over HTTPS too. The pages carry no secret that an attacker could work out from sizes across many requests:
            // the one token in them, against forged forms, is encrypted afresh for every page.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/problem+json"];
        });
        // The fastest level: a page is compressed as it is sent, and most of the gain comes at the first level.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>
    /// A front-end file asked for with its fingerprint (<c>?v=</c>, added by <c>asp-append-version</c> from its contents)
    /// never changes at that address, so it is kept for a year; a new build gives a new address.
    /// </summary>
    public static void CacheStaticFile(StaticFileResponseContext context) =>
        context.Context.Response.Headers.CacheControl = context.Context.Request.Query.ContainsKey("v") ? OneYear : OneHour;
}
