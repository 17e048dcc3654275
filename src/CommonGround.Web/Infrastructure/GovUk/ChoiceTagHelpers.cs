using System.Collections;
using System.Text;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommonGround.Web.Infrastructure.GovUk;

/// <summary>GOV.UK radios: <c>&lt;govuk-radios for="Input.Kind" items="Model.Kinds" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class RadiosTagHelper : FieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<Option> Items { get; set; } = [];

    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var current = CurrentValue();
        var items = new StringBuilder();
        var index = 0;
        foreach (var item in Items)
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            var isChecked = string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase) ? " checked" : "";
            var hint = item.Hint is null ? "" : $"""<div id="{id}-item-hint" class="govuk-hint govuk-radios__hint">{Html.Encode(item.Hint)}</div>""";
            var describedBy = item.Hint is null ? "" : $""" aria-describedby="{id}-item-hint" """.TrimEnd();
            items.Append($"""<div class="govuk-radios__item"><input class="govuk-radios__input" id="{id}" name="{Name}" type="radio" value="{Html.Encode(item.Value)}"{isChecked}{describedBy}><label class="govuk-label govuk-radios__label" for="{id}">{Html.Encode(item.Text)}</label>{hint}</div>""");
        }

        var html = FormGroupStart(error) + $"""<fieldset class="govuk-fieldset"{Html.DescribedBy(Id, Hint, error)}>""" + LegendHtml()
            + Html.Hint(Id, Hint) + (error is null ? "" : Html.ErrorMessage(Id, error))
            + $"""<div class="govuk-radios{(Inline ? " govuk-radios--inline" : "")}" data-module="govuk-radios">{items}</div></fieldset></div>""";
        Html.Replace(output, html);
    }
}

/// <summary>
/// GOV.UK checkboxes. Bound to a bool, it is a single checkbox whose label is the question;
/// bound to a list of strings, one checkbox per item in a fieldset.
/// </summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxesTagHelper : FieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<Option>? Items { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        string Box(string id, string value, string text, bool isChecked, string? hint) =>
            $"""<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="{id}" name="{Name}" type="checkbox" value="{Html.Encode(value)}"{(isChecked ? " checked" : "")}{(hint is null ? "" : $" aria-describedby=\"{id}-item-hint\"")}><label class="govuk-label govuk-checkboxes__label" for="{id}">{Html.Encode(text)}</label>{(hint is null ? "" : $"<div id=\"{id}-item-hint\" class=\"govuk-hint govuk-checkboxes__hint\">{Html.Encode(hint)}</div>")}</div>""";

        string boxes;
        if (Items is null)
        {
            var isChecked = Html.AttemptedValue(ViewContext, Name) is { } attempted ? attempted.Contains("true", StringComparison.OrdinalIgnoreCase) : For.Model is true;
            boxes = Box(Id, "true", LabelText, isChecked, null);
            var single = FormGroupStart(error) + Html.Hint(Id, Hint) + (error is null ? "" : Html.ErrorMessage(Id, error))
                + $"""<div class="govuk-checkboxes" data-module="govuk-checkboxes">{boxes}</div></div>""";
            Html.Replace(output, single);
            return;
        }

        var selected = Html.AttemptedValue(ViewContext, Name) is { } raw
            ? raw.Split(',').ToHashSet(StringComparer.OrdinalIgnoreCase)
            : (For.Model as IEnumerable)?.Cast<object>().Select(o => o.ToString() ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var builder = new StringBuilder();
        var index = 0;
        foreach (var item in Items)
        {
            var id = index++ == 0 ? Id : $"{Id}-{index}";
            builder.Append(Box(id, item.Value, item.Text, selected.Contains(item.Value), item.Hint));
        }

        var html = FormGroupStart(error) + $"""<fieldset class="govuk-fieldset"{Html.DescribedBy(Id, Hint, error)}>""" + LegendHtml()
            + Html.Hint(Id, Hint) + (error is null ? "" : Html.ErrorMessage(Id, error))
            + $"""<div class="govuk-checkboxes" data-module="govuk-checkboxes">{builder}</div></fieldset></div>""";
        Html.Replace(output, html);
    }
}

/// <summary>GOV.UK select: <c>&lt;govuk-select for="Input.AreaId" items="Model.Areas" placeholder="Choose an area" /&gt;</c>.</summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper : FieldTagHelper
{
    [HtmlAttributeName("items")]
    public IEnumerable<Option> Items { get; set; } = [];

    /// <summary>A first, empty option, so nothing is chosen for the person.</summary>
    [HtmlAttributeName("placeholder")]
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Error;
        var current = CurrentValue();
        var options = new StringBuilder();
        if (Placeholder is not null)
        {
            options.Append($"""<option value="">{Html.Encode(Placeholder)}</option>""");
        }

        foreach (var item in Items)
        {
            var selected = string.Equals(item.Value, current, StringComparison.OrdinalIgnoreCase) ? " selected" : "";
            options.Append($"""<option value="{Html.Encode(item.Value)}"{selected}>{Html.Encode(item.Text)}</option>""");
        }

        var html = FormGroupStart(error) + LabelHtml() + Html.Hint(Id, Hint) + (error is null ? "" : Html.ErrorMessage(Id, error))
            + $"""<select class="govuk-select{(error is null ? "" : " govuk-select--error")}" id="{Id}" name="{Name}"{Html.DescribedBy(Id, Hint, error)}>{options}</select></div>""";
        Html.Replace(output, html);
    }
}
