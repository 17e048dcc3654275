namespace CommonGround.Core;

/// <summary>A failure a person can act on: <see cref="Message"/> is shown to them, next to <see cref="Field"/> if given.</summary>
public abstract record Error(string Message, string? Field = null);

/// <summary>The outcome of a use case: a value, or an <see cref="Error"/> and nothing changed.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public Error? Error { get; }
    public bool Succeeded => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}

/// <summary>What was asked for is not there, or is not the person's to see; a page answers it with "not found".</summary>
public abstract record NotFoundError(string Message) : Error(Message);

/// <summary>
/// Someone else changed the record first (see <see cref="Data.IVersioned"/>): nothing was saved, and the form should
/// show the latest version beside the person's own words.
/// </summary>
public abstract record ChangedMeanwhileError(string Message, string? Field = null) : Error(Message, Field);

/// <summary>Words longer than the record keeps, for the named field.</summary>
public sealed record TextTooLong(string Field, int Max) : Error($"The text must be {Max:N0} characters or fewer", Field);
