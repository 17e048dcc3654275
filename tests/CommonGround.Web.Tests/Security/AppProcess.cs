using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CommonGround.Testing;

namespace CommonGround.Web.Tests.Security;

/// <summary>
/// The built app running as a process of its own on a test database, listening on a loopback port it chose itself, as
/// a deployment runs it: so that a test can kill it without warning, as a power cut or the kernel would.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan MostTimeToStart = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process) => _process = process;

    /// <summary>Where it listens, e.g. http://127.0.0.1:40123.</summary>
    public Uri Address { get; private set; } = default!;

    /// <summary>What it has written so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the app on <paramref name="database"/>, keeping its own files in <paramref name="dataFolder"/>, and waits until it answers.</summary>
    public static async Task<AppProcess> StartAsync(TestDatabase database, string dataFolder)
    {
        // The app this test project was built with sits beside the tests; its settings and pages are in its project folder.
        var app = Path.Combine(AppContext.BaseDirectory, "CommonGround.Web.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ProjectFolder(),
        };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(ProjectFolder());
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Service__PublicUrl"] = "http://127.0.0.1",
            ["Security__AllowPlainHttp"] = "true",
            ["Security__RequireMfaForProfessionals"] = "false",
            ["Database__Provider"] = database.Provider.ToString(),
            ["ConnectionStrings__CommonGround"] = database.ConnectionString,
            ["Data__Folder"] = dataFolder,
            ["Email__PickupFolder"] = Path.Combine(dataFolder, "mail"),
            ["DataProtection__CreateLocalCertificate"] = "true",
            ["Jobs__Enabled"] = "false",
            ["Demo__Seed"] = "false",
            ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        })
        {
            start.Environment[key] = value;
        }

        var started = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("The app did not start"));
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Read(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (started._output)
            {
                started._output.AppendLine(e.Data);
            }

            if (RunningAt().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        started._process.OutputDataReceived += Read;
        started._process.ErrorDataReceived += Read;
        started._process.BeginOutputReadLine();
        started._process.BeginErrorReadLine();
        started._process.EnableRaisingEvents = true;
        started._process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app stopped as it started"));
        try
        {
            started.Address = await listening.Task.WaitAsync(MostTimeToStart);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            await started.DisposeAsync();
            throw new InvalidOperationException($"The app did not start listening: {e.Message}\n{started.Output}", e);
        }

        return started;
    }

    /// <summary>A client that keeps its cookies, as a browser does, and follows no redirects.</summary>
    public HttpClient NewClient() => new(new SocketsHttpHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = Address };

    /// <summary>Ends the process at once with SIGKILL: nothing in it runs again, no buffer is flushed, no connection closed politely.</summary>
    public void KillAtOnce()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string ProjectFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CommonGround.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Run the tests from inside the repository"), "src", "CommonGround.Web");
    }

    [GeneratedRegex(@"CommonGround is running at (http://\S+)")]
    private static partial Regex RunningAt();
}
