/// The facts a realistic cross-border e-commerce corpus draws from: goods, countries, platforms.
///
/// Goods are the HS headings most seen in cross-border e-commerce retail imports (cosmetics,
/// infant formula and diapers, health foods, clothing, small appliances, …), with weights that
/// give them a plausible share; codes and names are the customs tariff's. Country codes are the
/// GACC numeric codes of `Resources/codes/countries.csv`.
enum CorpusCatalog {
    struct Goods: Sendable {
        let hs: String
        let name: String
        let unit: String  // GACC unit code
        let price: ClosedRange<Int>  // CNY
        let grams: Int
    }

    static let importGoods = WeightedTable<Goods>([
        (Goods(hs: "3304990099", name: "护肤精华液", unit: "142", price: 120...980, grams: 150), 14),
        (Goods(hs: "3304100000", name: "口红唇膏", unit: "011", price: 150...420, grams: 40), 6),
        (Goods(hs: "3305100000", name: "洗发水", unit: "142", price: 60...220, grams: 600), 4),
        (Goods(hs: "3401300000", name: "洗面奶", unit: "142", price: 60...260, grams: 200), 4),
        (Goods(hs: "1901101000", name: "婴儿配方奶粉", unit: "122", price: 180...420, grams: 1000), 10),
        (Goods(hs: "9619001100", name: "婴儿纸尿裤", unit: "011", price: 90...220, grams: 1800), 7),
        (Goods(hs: "2106909090", name: "膳食营养补充剂", unit: "142", price: 90...600, grams: 300), 9),
        (Goods(hs: "0402210000", name: "全脂奶粉", unit: "122", price: 80...260, grams: 1000), 3),
        (Goods(hs: "1806900000", name: "巧克力", unit: "011", price: 40...180, grams: 300), 2),
        (Goods(hs: "0901210000", name: "咖啡豆", unit: "011", price: 60...300, grams: 500), 2),
        (Goods(hs: "2204210000", name: "红葡萄酒", unit: "142", price: 120...900, grams: 1400), 2),
        (Goods(hs: "6109100021", name: "棉制针织T恤衫", unit: "011", price: 80...400, grams: 250), 5),
        (Goods(hs: "6204430000", name: "合成纤维制女式连衣裙", unit: "011", price: 200...1200, grams: 400), 3),
        (Goods(hs: "6111200090", name: "棉制婴儿服装", unit: "011", price: 60...300, grams: 200), 3),
        (Goods(hs: "6403990090", name: "皮革面鞋靴", unit: "025", price: 300...1800, grams: 900), 2),
        (Goods(hs: "4202210090", name: "皮革面手提包", unit: "011", price: 400...4800, grams: 800), 3),
        (Goods(hs: "9102110000", name: "电子手表", unit: "011", price: 300...3000, grams: 120), 1),
        (Goods(hs: "8509400090", name: "榨汁机", unit: "001", price: 200...1200, grams: 2500), 1),
        (Goods(hs: "8516320000", name: "电吹风", unit: "001", price: 300...3200, grams: 700), 2),
        (Goods(hs: "8518300000", name: "无线耳机", unit: "011", price: 300...2400, grams: 150), 2),
        (Goods(hs: "8543709990", name: "家用美容仪", unit: "001", price: 500...4000, grams: 400), 1),
        (Goods(hs: "9503008900", name: "儿童益智玩具", unit: "011", price: 60...600, grams: 500), 2),
        (Goods(hs: "9004100000", name: "太阳镜", unit: "011", price: 300...2500, grams: 80), 1),
        (Goods(hs: "3306100000", name: "牙膏", unit: "011", price: 20...80, grams: 150), 2),
        (Goods(hs: "9603210000", name: "电动牙刷刷头", unit: "011", price: 40...300, grams: 60), 1),
        (Goods(hs: "2009899990", name: "果蔬汁饮料", unit: "142", price: 20...90, grams: 1000), 1),
        (Goods(hs: "0101210010", name: "改良种用马", unit: "004", price: 20000...60000, grams: 500_000), 0.002),
    ])

    static let exportGoods = WeightedTable<Goods>([
        (Goods(hs: "6109100021", name: "棉制针织T恤衫", unit: "011", price: 20...90, grams: 250), 18),
        (Goods(hs: "6204430000", name: "合成纤维制女式连衣裙", unit: "011", price: 40...260, grams: 400), 12),
        (Goods(hs: "4303101010", name: "貂皮制衣服", unit: "011", price: 2000...18000, grams: 1500), 3),
        (Goods(hs: "8516320000", name: "电吹风", unit: "001", price: 60...300, grams: 700), 8),
        (Goods(hs: "8518300000", name: "无线耳机", unit: "011", price: 40...300, grams: 150), 12),
        (Goods(hs: "9503008900", name: "儿童益智玩具", unit: "011", price: 15...120, grams: 500), 10),
        (Goods(hs: "6403990090", name: "皮革面鞋靴", unit: "025", price: 60...400, grams: 900), 8),
        (Goods(hs: "4202210090", name: "皮革面手提包", unit: "011", price: 50...500, grams: 800), 6),
        (Goods(hs: "9405409000", name: "LED灯具", unit: "011", price: 20...200, grams: 600), 10),
        (Goods(hs: "3926909090", name: "塑料制品", unit: "011", price: 5...60, grams: 200), 8),
    ])

    /// Origins of imported goods (GACC code, weight).
    static let origins = WeightedTable<String>([
        ("116", 20), ("133", 17), ("502", 14), ("601", 10), ("304", 7), ("305", 6), ("609", 5), ("303", 4),
        ("307", 4), ("309", 3), ("501", 2), ("136", 2), ("312", 1.5), ("331", 1.5), ("132", 1), ("122", 1), ("141", 1),
    ])

    /// Destinations of exports (GACC code, weight).
    static let destinations = WeightedTable<String>([
        ("502", 25), ("344", 12), ("303", 9), ("304", 8), ("305", 6), ("116", 8), ("133", 6), ("601", 5),
        ("501", 4), ("312", 4), ("307", 3), ("132", 3), ("122", 3), ("141", 2), ("136", 2),
    ])

    static let platforms = [
        ("3301960001", "天猫国际"), ("1101960002", "京东国际"), ("3301960003", "考拉海购"), ("3101960004", "小红书"),
        ("4403960005", "唯品国际"), ("3301960006", "亚马逊海外购"), ("3201960007", "苏宁国际"), ("4401960008", "聚美极速免税店"),
    ]

    static let logistics = [
        ("3301980001", "中国邮政速递物流"), ("4403980002", "顺丰速运"), ("3301980003", "菜鸟网络"), ("3101980004", "圆通速递"),
        ("3301980005", "中通国际"), ("1101980006", "京东物流"),
    ]

    static let customsOffices = [("2914", "2914"), ("2932", "2932"), ("2900", "2901"), ("3106", "3107")]

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
    static let givenNames = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞浩然宇轩梓涵欣怡子墨")
    static let cities = [
        "浙江省宁波市慈溪市", "浙江省杭州市滨江区", "江苏省南京市鼓楼区", "上海市浦东新区", "广东省深圳市南山区",
        "北京市海淀区", "四川省成都市武侯区", "湖北省武汉市洪山区", "山东省青岛市市南区", "福建省厦门市思明区",
    ]
}
