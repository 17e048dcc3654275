using System.Threading.Channels;

namespace CommonGround.Core.Data;

/// <summary>
/// Work that many requests hand over at the same moment and that costs about the same done once for all of them as
/// for one: each hands over its part and waits until it is done, and the parts waiting when the last round finished
/// are done together in the next. A round that fails is done again part by part, so one bad part fails only the request
/// that handed it over.
/// </summary>
public abstract class WorkDoneTogether<T> : IAsyncDisposable
{
    private readonly Channel<Waiting> _queue = Channel.CreateBounded<Waiting>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    private readonly int _mostAtOnce;
    private readonly Task _working;

    protected WorkDoneTogether(int mostAtOnce)
    {
        _mostAtOnce = mostAtOnce;
        _working = Task.Run(WorkQueuedAsync);
    }

    private sealed record Waiting(T Part, TaskCompletionSource Done);

    /// <summary>Does these parts' work in one go; throws if any part of it could not be done.</summary>
    protected abstract Task DoAsync(IReadOnlyList<T> parts);

    /// <summary>Told when a round of several parts failed, before they are done again one by one.</summary>
    protected virtual void TogetherFailed(Exception exception, int parts)
    {
    }

    /// <summary>
    /// Returns once this part's work is done, in a round that began after it was handed over; throws what doing it
    /// alone threw if it could not be done.
    /// </summary>
    protected async Task DoTogetherAsync(T part, CancellationToken cancellationToken)
    {
        var waiting = new Waiting(part, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(waiting, cancellationToken);
        await waiting.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WorkQueuedAsync()
    {
        var round = new List<Waiting>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            round.Clear();
            while (round.Count < _mostAtOnce && _queue.Reader.TryRead(out var waiting))
            {
                round.Add(waiting);
            }

            try
            {
                await DoAsync(round.Select(w => w.Part).ToList());
                round.ForEach(w => w.Done.SetResult());
            }
            catch (Exception together) when (round.Count > 1)
            {
                TogetherFailed(together, round.Count);
                foreach (var waiting in round)
                {
                    await DoAloneAsync(waiting);
                }
            }
            catch (Exception failed)
            {
                round[0].Done.SetException(failed);
            }
        }
    }

    private async Task DoAloneAsync(Waiting waiting)
    {
        try
        {
            await DoAsync([waiting.Part]);
            waiting.Done.SetResult();
        }
        catch (Exception failed)
        {
            waiting.Done.SetException(failed);
        }
    }

    /// <summary>Does what is already handed over before the app stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _working;
        GC.SuppressFinalize(this);
    }
}
