using AngleSharp.Html.Dom;

namespace CommonGround.Web.Tests.Security;

/// <summary>A form as the browser would send it if the person pressed its button as the page stands.</summary>
public static class FormFilling
{
    /// <summary>What the browser would send if the person pressed the button as the page stands: hidden fields, text as filled, the first or checked choice.</summary>
    public static List<KeyValuePair<string, string>> AsOffered(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)))
        {
            var isChoice = input.Type is "radio" or "checkbox";
            if (!isChoice || input.IsChecked)
            {
                values.Add(new(input.Name!, input.Value));
            }
        }

        foreach (var group in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "radio" && !string.IsNullOrEmpty(i.Name)).GroupBy(i => i.Name!))
        {
            if (!group.Any(i => i.IsChecked))
            {
                values.Add(new(group.Key, group.First().Value));
            }
        }

        values.AddRange(form.Elements.OfType<IHtmlTextAreaElement>().Where(t => !string.IsNullOrEmpty(t.Name)).Select(t => new KeyValuePair<string, string>(t.Name!, t.Value)));
        values.AddRange(form.Elements.OfType<IHtmlSelectElement>().Where(s => !string.IsNullOrEmpty(s.Name))
            .Select(s => new KeyValuePair<string, string>(s.Name!, s.SelectedOptions.FirstOrDefault()?.Value ?? s.Options.FirstOrDefault()?.Value ?? "")));
        return values;
    }
}
