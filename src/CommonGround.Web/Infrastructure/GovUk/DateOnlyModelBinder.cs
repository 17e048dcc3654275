using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>
/// Binds a GOV.UK date input's three boxes (Name.Day, Name.Month, Name.Year) to a <see cref="DateOnly"/>,
/// with the GOV.UK error messages when the date is incomplete or not real. An ISO date (2025-09-01) also binds.
/// </summary>
public sealed class DateOnlyModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var values = bindingContext.ValueProvider;
        var day = values.GetValue($"{name}.Day");
        var month = values.GetValue($"{name}.Month");
        var year = values.GetValue($"{name}.Year");

        if (day == ValueProviderResult.None && month == ValueProviderResult.None && year == ValueProviderResult.None)
        {
            return BindIso(bindingContext);
        }

        var modelState = bindingContext.ModelState;
        modelState.SetModelValue($"{name}.Day", day);
        modelState.SetModelValue($"{name}.Month", month);
        modelState.SetModelValue($"{name}.Year", year);
        // The three boxes are kept only to show them again; the date itself is what gets validated.
        modelState.MarkFieldSkipped($"{name}.Day");
        modelState.MarkFieldSkipped($"{name}.Month");
        modelState.MarkFieldSkipped($"{name}.Year");
        modelState.SetModelValue(name, new ValueProviderResult(string.Join('/', day.FirstValue, month.FirstValue, year.FirstValue)));

        var label = FieldLabel.Of(bindingContext.ModelMetadata, "Date");
        var (date, error) = DateParts.Read(day.FirstValue, month.FirstValue, year.FirstValue, label);
        if (error is not null)
        {
            return Fail(bindingContext, error);
        }

        bindingContext.Result = ModelBindingResult.Success(date);
        return Task.CompletedTask;
    }

    private static Task BindIso(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None || string.IsNullOrWhiteSpace(value.FirstValue))
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var label = FieldLabel.Of(bindingContext.ModelMetadata, "Date");
        if (DateOnly.TryParseExact(value.FirstValue.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (DateParts.OutsideService(date))
            {
                return Fail(bindingContext, DateParts.OutsideServiceMessage(label));
            }

            bindingContext.Result = ModelBindingResult.Success(date);
            return Task.CompletedTask;
        }

        return Fail(bindingContext, $"{label} must be a real date");
    }

    private static Task Fail(ModelBindingContext bindingContext, string message)
    {
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, message);
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }
}

public sealed class DateOnlyModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly) ? new DateOnlyModelBinder() : null;
}
