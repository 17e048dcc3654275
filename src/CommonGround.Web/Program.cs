using CommonGround.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddCommonGround();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCommonGround();
app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        app.Logger.LogInformation("CommonGround is running at {Url}", url);
    }
});
app.Run();

/// <summary>The entry point, visible to the page tests.</summary>
public partial class Program;
