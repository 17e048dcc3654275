using CommonGround.Core.Data;
using CommonGround.Core.Notifications;
using CommonGround.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommonGround.Core.Tests.Notifications;

public sealed class EmailDeliveryJobTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), $"cg-pickup-{Guid.NewGuid():N}");
    private TestDatabase _database = default!;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    private IOptions<EmailOptions> Options => Microsoft.Extensions.Options.Options.Create(new EmailOptions { PickupFolder = _pickup });

    private async Task EnqueueAsync(int count)
    {
        await using var db = _database.CreateContext();
        var outbox = new EmailOutbox(db, _time);
        for (var i = 0; i < count; i++)
        {
            outbox.Enqueue($"person{i}@example.org", $"Person {i}", $"Subject {i}", "Hello");
        }

        await db.SaveChangesAsync();
    }

    private EmailDeliveryJob Job(CommonGroundDbContext db, IEmailTransport transport) =>
        new(db, transport, _time, NullLogger<EmailDeliveryJob>.Instance);

    [Fact]
    public async Task Queued_email_is_written_to_the_pickup_folder_once()
    {
        await EnqueueAsync(3);

        await using (var db = _database.CreateContext())
        {
            await Job(db, new PickupFolderTransport(Options)).ExecuteAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = _database.CreateContext())
        {
            await Job(db, new PickupFolderTransport(Options)).ExecuteAsync(TestContext.Current.CancellationToken);
        }

        var files = Directory.GetFiles(_pickup, "*.eml");
        Assert.Equal(3, files.Length);
        Assert.Contains("Subject: Subject 0", string.Join('\n', files.Select(File.ReadAllText)));
        await using var check = _database.CreateContext();
        Assert.True(await check.OutboxMessages.AllAsync(m => m.SentAt != null && m.LeaseOwner == null));
    }

    [Fact]
    public async Task A_failed_send_is_retried_after_a_back_off()
    {
        await EnqueueAsync(1);
        var failing = new CountingTransport(fail: true);

        await using (var db = _database.CreateContext())
        {
            await Job(db, failing).ExecuteAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = _database.CreateContext())
        {
            var message = await db.OutboxMessages.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, message.Attempts);
            Assert.Null(message.SentAt);
            Assert.Equal(_time.GetUtcNow().UtcDateTime.AddMinutes(1), message.NextAttemptAt);

            // Not yet due: nothing is attempted.
            await Job(db, failing).ExecuteAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, failing.Attempts);
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        var working = new CountingTransport(fail: false);
        await using (var db = _database.CreateContext())
        {
            await Job(db, working).ExecuteAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, working.Attempts);
        await using var check = _database.CreateContext();
        Assert.NotNull((await check.OutboxMessages.SingleAsync(TestContext.Current.CancellationToken)).SentAt);
    }

    [Fact]
    public async Task Two_instances_running_at_once_send_each_message_once()
    {
        await EnqueueAsync(EmailDeliveryJob.BatchSize);
        var transport = new CountingTransport(fail: false);

        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        await Task.WhenAll(
            Job(first, transport).ExecuteAsync(TestContext.Current.CancellationToken),
            Job(second, transport).ExecuteAsync(TestContext.Current.CancellationToken));

        Assert.Equal(EmailDeliveryJob.BatchSize, transport.Attempts);
        Assert.Equal(EmailDeliveryJob.BatchSize, transport.Recipients.Distinct().Count());
    }

    [Fact]
    public async Task A_message_claimed_by_an_instance_that_stopped_is_sent_when_its_lease_runs_out()
    {
        await EnqueueAsync(1);
        await using (var db = _database.CreateContext())
        {
            // Another instance claimed it and then stopped before sending.
            await db.OutboxMessages.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseOwner, "stopped-instance")
                .SetProperty(m => m.LeaseExpiresAt, _time.GetUtcNow().UtcDateTime.AddMinutes(2)), TestContext.Current.CancellationToken);
        }

        var transport = new CountingTransport(fail: false);
        await using (var db = _database.CreateContext())
        {
            await Job(db, transport).ExecuteAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, transport.Attempts);
        _time.Advance(TimeSpan.FromMinutes(3));
        await using (var db = _database.CreateContext())
        {
            await Job(db, transport).ExecuteAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(1, transport.Attempts);
    }

    private sealed class CountingTransport(bool fail) : IEmailTransport
    {
        private int _attempts;
        public int Attempts => _attempts;
        public System.Collections.Concurrent.ConcurrentBag<string> Recipients { get; } = [];

        public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            if (fail)
            {
                throw new IOException("The mail server refused the connection.");
            }

            Recipients.Add(message.ToAddress);
            return Task.CompletedTask;
        }
    }
}
