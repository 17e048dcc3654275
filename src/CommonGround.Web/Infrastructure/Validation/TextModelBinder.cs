using CommonGround.Web.Infrastructure.GovUk;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace CommonGround.Web.Infrastructure.Validation;

/// <summary>
/// Text from a form, refused if it holds characters nobody can see or type (control characters), which a copy from
/// another program can bring and which would be kept, shown and emailed as they are. Line breaks and tabs are fine in
/// longer writing; a <see cref="SingleLineAttribute"/> field refuses those too.
/// </summary>
public sealed class TextModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result.Model is not string text)
        {
            return;
        }

        var singleLine = bindingContext.ModelMetadata is Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelMetadata metadata
            && metadata.Attributes.PropertyAttributes?.OfType<SingleLineAttribute>().Any() == true;
        if (text.Any(c => IsHidden(c, singleLine)))
        {
            var label = FieldLabel.Of(bindingContext.ModelMetadata, "This");
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                singleLine
                    ? $"{label} must be on one line, without special characters. Type it again rather than copying it"
                    : $"{label} must not include special characters that cannot be shown. Type it again rather than copying it");
            bindingContext.Result = ModelBindingResult.Failed();
        }
    }

    private static bool IsHidden(char c, bool singleLine) =>
        (char.IsControl(c) && (singleLine || c is not ('\r' or '\n' or '\t'))) || c is '\u2028' or '\u2029';
}

public sealed class TextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string) && !context.Metadata.IsComplexType
            ? new TextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
}

/// <summary>A name, an email address or a title: one line, so line breaks and tabs are refused as well.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SingleLineAttribute : Attribute;
