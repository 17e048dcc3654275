using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>
/// Reads numbers as people type them: digits, with a sign or (for a decimal) a point, and spaces around. The framework's
/// own reading also takes "0x10" as 16 and answers "abc" with a message about model values; this says plainly what to
/// type instead.
/// </summary>
public sealed class NumberModelBinder(Type type) : IModelBinder
{
    private const NumberStyles Whole = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            // Nothing typed: a required number says so in its own words; an optional one stays empty.
            if (bindingContext.ModelMetadata.IsReferenceOrNullableType)
            {
                bindingContext.Result = ModelBindingResult.Success(null);
            }

            return Task.CompletedTask;
        }

        object? number = type switch
        {
            _ when type == typeof(int) => int.TryParse(text, Whole, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, Whole, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ => decimal.TryParse(text, Whole | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null,
        };
        if (number is null)
        {
            var label = FieldLabel.Of(bindingContext.ModelMetadata, "This");
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                type == typeof(decimal) ? $"{label} must be a number, like 2 or 1.5" : $"{label} must be a whole number, like 2 or 30");
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        bindingContext.Result = ModelBindingResult.Success(number);
        return Task.CompletedTask;
    }
}

public sealed class NumberModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType is var type && (type == typeof(int) || type == typeof(long) || type == typeof(decimal))
            ? new NumberModelBinder(type)
            : null;
}
