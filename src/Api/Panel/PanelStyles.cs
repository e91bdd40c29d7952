namespace Platform.Api.Panel;

/// <summary>What the staff pages add to the catalog pages' stylesheet: the sign-in card, tiles, charts and their tables.</summary>
internal static class PanelStyles
{
    public const string Css = """
        header.top{display:flex;justify-content:space-between;align-items:center;gap:1rem}
        header.top form{margin:0}
        header.top button{background:transparent;border:1px solid #fff8;padding:.35rem .8rem;font-size:.9rem}
        form.signin{background:#fff;padding:1.5rem;border-radius:.5rem;max-width:26rem;margin:2rem auto;display:grid;gap:.8rem}
        form.signin label,form.period label{display:grid;gap:.2rem;font-weight:600}
        form.signin input,form.period input{font:inherit;padding:.6rem;border:1px solid #9aa5b1;border-radius:.4rem;width:100%}
        form.period{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;background:#fff;padding:.75rem 1rem;border-radius:.5rem;margin-bottom:1rem}
        form.period label{flex:1 1 10rem}
        ul.kpis{list-style:none;padding:0;margin:0 0 1rem;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr))}
        ul.kpis li{background:#fff;border-radius:.5rem;padding:.75rem 1rem;box-shadow:0 1px 3px #0002}
        ul.kpis .label{color:#52606d;font-size:.9rem;display:block}
        ul.kpis .figure{font-size:1.5rem;font-weight:700;color:#123c69;display:block;overflow-wrap:anywhere}
        ul.kpis .note{color:#52606d;font-size:.85rem}
        .charts{display:grid;gap:1rem}
        @media(min-width:60rem){.charts{grid-template-columns:1fr 1fr}}
        section.chart{background:#fff;border-radius:.5rem;padding:1rem;min-width:0}
        section.chart h2{font-size:1.1rem;margin:0 0 .5rem}
        section.chart svg{width:100%;height:auto;display:block}
        section.chart .empty{color:#52606d;background:#f5f7fa;border-radius:.4rem;padding:1rem;text-align:center}
        .legend{display:flex;flex-wrap:wrap;gap:1rem;font-size:.85rem;color:#52606d;margin:.25rem 0}
        .swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:.15rem;margin-right:.3rem;vertical-align:middle}
        .s0{background:#0b5cad}.s1{background:#f0b429}.s2{background:#3ebd93}.s3{background:#ab091e}
        details.data{margin-top:.5rem}
        details.data summary{cursor:pointer;color:#0b5cad}
        details.data table{border-collapse:collapse;width:100%;font-size:.9rem;margin-top:.5rem}
        details.data th,details.data td{border-bottom:1px solid #e4e7eb;padding:.3rem .4rem;text-align:right}
        details.data th:first-child,details.data td:first-child{text-align:left}
        """;
}
