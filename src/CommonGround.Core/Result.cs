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
