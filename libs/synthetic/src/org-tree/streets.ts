/**
 * Hand-written source of Shanghai's 16 districts and 215 street-level units (107 街道, 106 镇, 2 乡),
 * the input of generate-org-tree.cli.ts. Names and codes are real: district codes are GB/T 2260,
 * street codes are the national statistical division codes (统计用区划代码, 2022 edition), i.e.
 * district code + 3-digit suffix. Development zones, farms and industrial parks that carry a
 * statistical code (5xx, 4xx) are left out: they have no residential committees of their own.
 *
 * Region (ORG-4) is a judgement per street, not an official figure: central-city districts are
 * `central` throughout; in 闵行/宝山/浦东 the inner streets are `central`, towns `fringe` or (far
 * ones) `suburb`; in the six outer districts streets are `fringe` where they border the city, towns
 * `suburb`. `size` marks large towns (many committees) so the generated tree looks plausible.
 */
export type RegionKind = 'central' | 'fringe' | 'suburb';

/** [3-digit statistical suffix, name, English name, region c/f/s, optional size hint]. */
export type StreetRow = readonly [suffix: string, name: string, nameEn: string, region: 'c' | 'f' | 's', size?: 'L' | 'S'];

export interface DistrictSource {
  code: string;
  name: string;
  nameEn: string;
  region: RegionKind;
  streets: readonly StreetRow[];
}

export const CITY = { code: '31', name: '上海市', nameEn: 'Shanghai' } as const;

export const DISTRICTS: readonly DistrictSource[] = [
  {
    code: '310101', name: '黄浦区', nameEn: 'Huangpu', region: 'central',
    streets: [
      ['002', '南京东路街道', 'Nanjing Road East', 'c'], ['013', '外滩街道', 'The Bund', 'c'],
      ['015', '半淞园路街道', 'Bansongyuan Road', 'c'], ['017', '小东门街道', 'Xiaodongmen', 'c'],
      ['018', '豫园街道', 'Yuyuan', 'c'], ['019', '老西门街道', 'Laoximen', 'c'],
      ['020', '五里桥街道', 'Wuliqiao', 'c'], ['021', '打浦桥街道', 'Dapuqiao', 'c'],
      ['022', '淮海中路街道', 'Huaihai Road Middle', 'c'], ['023', '瑞金二路街道', 'Ruijin Road No.2', 'c'],
    ],
  },
  {
    code: '310104', name: '徐汇区', nameEn: 'Xuhui', region: 'central',
    streets: [
      ['003', '天平路街道', 'Tianping Road', 'c'], ['004', '湖南路街道', 'Hunan Road', 'c'],
      ['007', '斜土路街道', 'Xietu Road', 'c'], ['008', '枫林路街道', 'Fenglin Road', 'c'],
      ['010', '长桥街道', 'Changqiao', 'c'], ['011', '田林街道', 'Tianlin', 'c'],
      ['012', '虹梅路街道', 'Hongmei Road', 'c'], ['013', '康健新村街道', 'Kangjian Xincun', 'c'],
      ['014', '徐家汇街道', 'Xujiahui', 'c'], ['015', '凌云路街道', 'Lingyun Road', 'c'],
      ['016', '龙华街道', 'Longhua', 'c'], ['017', '漕河泾街道', 'Caohejing', 'c'],
      ['103', '华泾镇', 'Huajing', 'c'],
    ],
  },
  {
    code: '310105', name: '长宁区', nameEn: 'Changning', region: 'central',
    streets: [
      ['001', '华阳路街道', 'Huayang Road', 'c'], ['002', '江苏路街道', 'Jiangsu Road', 'c'],
      ['004', '新华路街道', 'Xinhua Road', 'c'], ['005', '周家桥街道', 'Zhoujiaqiao', 'c'],
      ['006', '天山路街道', 'Tianshan Road', 'c'], ['008', '仙霞新村街道', 'Xianxia Xincun', 'c'],
      ['009', '虹桥街道', 'Hongqiao', 'c'], ['010', '程家桥街道', 'Chengjiaqiao', 'c'],
      ['011', '北新泾街道', 'Beixinjing', 'c'], ['102', '新泾镇', 'Xinjing', 'c'],
    ],
  },
  {
    code: '310106', name: '静安区', nameEn: "Jing'an", region: 'central',
    streets: [
      ['006', '江宁路街道', 'Jiangning Road', 'c'], ['011', '石门二路街道', 'Shimen Road No.2', 'c'],
      ['012', '南京西路街道', 'Nanjing Road West', 'c'], ['013', '静安寺街道', "Jing'an Temple", 'c'],
      ['014', '曹家渡街道', 'Caojiadu', 'c'], ['015', '天目西路街道', 'Tianmu Road West', 'c'],
      ['016', '北站街道', 'Beizhan', 'c'], ['017', '宝山路街道', 'Baoshan Road', 'c'],
      ['018', '共和新路街道', 'Gonghe Xinlu', 'c'], ['019', '大宁路街道', 'Daning Road', 'c'],
      ['020', '彭浦新村街道', 'Pengpu Xincun', 'c'], ['021', '临汾路街道', 'Linfen Road', 'c'],
      ['022', '芷江西路街道', 'Zhijiang Road West', 'c'], ['101', '彭浦镇', 'Pengpu', 'c'],
    ],
  },
  {
    code: '310107', name: '普陀区', nameEn: 'Putuo', region: 'central',
    streets: [
      ['005', '曹杨新村街道', 'Caoyang Xincun', 'c'], ['014', '长风新村街道', 'Changfeng Xincun', 'c'],
      ['015', '长寿路街道', 'Changshou Road', 'c'], ['016', '甘泉路街道', 'Ganquan Road', 'c'],
      ['017', '石泉路街道', 'Shiquan Road', 'c'], ['020', '宜川路街道', 'Yichuan Road', 'c'],
      ['021', '万里街道', 'Wanli', 'c'], ['022', '真如镇街道', 'Zhenru Town', 'c'],
      ['102', '长征镇', 'Changzheng', 'c'], ['103', '桃浦镇', 'Taopu', 'c'],
    ],
  },
  {
    code: '310109', name: '虹口区', nameEn: 'Hongkou', region: 'central',
    streets: [
      ['009', '欧阳路街道', 'Ouyang Road', 'c'], ['010', '曲阳路街道', 'Quyang Road', 'c'],
      ['011', '广中路街道', 'Guangzhong Road', 'c'], ['014', '嘉兴路街道', 'Jiaxing Road', 'c'],
      ['016', '凉城新村街道', 'Liangcheng Xincun', 'c'], ['017', '四川北路街道', 'Sichuan Road North', 'c'],
      ['018', '北外滩街道', 'North Bund', 'c'], ['019', '江湾镇街道', 'Jiangwan Town', 'c'],
    ],
  },
  {
    code: '310110', name: '杨浦区', nameEn: 'Yangpu', region: 'central',
    streets: [
      ['001', '定海路街道', 'Dinghai Road', 'c'], ['006', '平凉路街道', 'Pingliang Road', 'c'],
      ['008', '江浦路街道', 'Jiangpu Road', 'c'], ['009', '四平路街道', 'Siping Road', 'c'],
      ['012', '控江路街道', 'Kongjiang Road', 'c'], ['013', '长白新村街道', 'Changbai Xincun', 'c'],
      ['015', '延吉新村街道', 'Yanji Xincun', 'c'], ['016', '殷行街道', 'Yinhang', 'c'],
      ['018', '大桥街道', 'Daqiao', 'c'], ['019', '五角场街道', 'Wujiaochang', 'c'],
      ['020', '新江湾城街道', 'Xinjiangwancheng', 'c'], ['021', '长海路街道', 'Changhai Road', 'c'],
    ],
  },
  {
    code: '310112', name: '闵行区', nameEn: 'Minhang', region: 'fringe',
    streets: [
      ['001', '江川路街道', 'Jiangchuan Road', 'f'], ['006', '古美街道', 'Gumei', 'c'],
      ['008', '新虹街道', 'Xinhong', 'f'], ['009', '浦锦街道', 'Pujin', 'f'],
      ['101', '莘庄镇', 'Xinzhuang', 'f', 'L'], ['102', '七宝镇', 'Qibao', 'f', 'L'],
      ['103', '颛桥镇', 'Zhuanqiao', 'f'], ['106', '华漕镇', 'Huacao', 'f'],
      ['107', '虹桥镇', 'Hongqiao Town', 'f'], ['108', '梅陇镇', 'Meilong', 'f', 'L'],
      ['110', '吴泾镇', 'Wujing', 'f'], ['112', '马桥镇', 'Maqiao', 's'],
      ['114', '浦江镇', 'Pujiang', 'f', 'L'],
    ],
  },
  {
    code: '310113', name: '宝山区', nameEn: 'Baoshan', region: 'fringe',
    streets: [
      ['003', '友谊路街道', 'Youyi Road', 'f'], ['007', '吴淞街道', 'Wusong', 'f'],
      ['008', '张庙街道', 'Zhangmiao', 'c'], ['101', '罗店镇', 'Luodian', 's'],
      ['102', '大场镇', 'Dachang', 'f', 'L'], ['103', '杨行镇', 'Yanghang', 'f'],
      ['104', '月浦镇', 'Yuepu', 's'], ['106', '罗泾镇', 'Luojing', 's'],
      ['109', '顾村镇', 'Gucun', 'f', 'L'], ['111', '高境镇', 'Gaojing', 'f'],
      ['112', '庙行镇', 'Miaohang', 'f'], ['113', '淞南镇', 'Songnan', 'f'],
    ],
  },
  {
    code: '310114', name: '嘉定区', nameEn: 'Jiading', region: 'suburb',
    streets: [
      ['001', '新成路街道', 'Xincheng Road', 'f'], ['002', '真新街道', 'Zhenxin', 'f'],
      ['004', '嘉定镇街道', 'Jiading Town', 'f'], ['102', '南翔镇', 'Nanxiang', 's'],
      ['103', '安亭镇', 'Anting', 's', 'L'], ['106', '马陆镇', 'Malu', 's'],
      ['109', '徐行镇', 'Xuhang', 's'], ['111', '华亭镇', 'Huating', 's', 'S'],
      ['114', '外冈镇', 'Waigang', 's'], ['118', '江桥镇', 'Jiangqiao', 'f', 'L'],
    ],
  },
  {
    code: '310115', name: '浦东新区', nameEn: 'Pudong', region: 'fringe',
    streets: [
      ['004', '潍坊新村街道', 'Weifang Xincun', 'c'], ['005', '陆家嘴街道', 'Lujiazui', 'c'],
      ['007', '周家渡街道', 'Zhoujiadu', 'c'], ['008', '塘桥街道', 'Tangqiao', 'c'],
      ['009', '上钢新村街道', 'Shanggang Xincun', 'c'], ['010', '南码头路街道', 'Nanmatou Road', 'c'],
      ['011', '沪东新村街道', 'Hudong Xincun', 'c'], ['012', '金杨新村街道', 'Jinyang Xincun', 'c'],
      ['013', '洋泾街道', 'Yangjing', 'c'], ['014', '浦兴路街道', 'Puxing Road', 'c'],
      ['015', '东明路街道', 'Dongming Road', 'c'], ['016', '花木街道', 'Huamu', 'c'],
      ['103', '川沙新镇', 'Chuansha', 'f', 'L'], ['104', '高桥镇', 'Gaoqiao', 'f'],
      ['105', '北蔡镇', 'Beicai', 'f', 'L'], ['110', '合庆镇', 'Heqing', 'f'],
      ['114', '唐镇', 'Tangzhen', 'f'], ['117', '曹路镇', 'Caolu', 'f'],
      ['120', '金桥镇', 'Jinqiao', 'f'], ['121', '高行镇', 'Gaohang', 'f'],
      ['123', '高东镇', 'Gaodong', 'f'], ['125', '张江镇', 'Zhangjiang', 'f'],
      ['130', '三林镇', 'Sanlin', 'f', 'L'], ['131', '惠南镇', 'Huinan', 's', 'L'],
      ['132', '周浦镇', 'Zhoupu', 'f'], ['133', '新场镇', 'Xinchang', 's'],
      ['134', '大团镇', 'Datuan', 's'], ['136', '康桥镇', 'Kangqiao', 'f'],
      ['137', '航头镇', 'Hangtou', 's'], ['139', '祝桥镇', 'Zhuqiao', 's', 'L'],
      ['140', '泥城镇', 'Nicheng', 's'], ['141', '宣桥镇', 'Xuanqiao', 's'],
      ['142', '书院镇', 'Shuyuan', 's'], ['143', '万祥镇', 'Wanxiang', 's', 'S'],
      ['144', '老港镇', 'Laogang', 's', 'S'], ['145', '南汇新城镇', 'Nanhui New City', 's'],
    ],
  },
  {
    code: '310116', name: '金山区', nameEn: 'Jinshan', region: 'suburb',
    streets: [
      ['001', '石化街道', 'Shihua', 'f'], ['101', '朱泾镇', 'Zhujing', 's'],
      ['102', '枫泾镇', 'Fengjing', 's'], ['103', '张堰镇', 'Zhangyan', 's'],
      ['104', '亭林镇', 'Tinglin', 's'], ['105', '吕巷镇', 'Lvxiang', 's'],
      ['107', '廊下镇', 'Langxia', 's', 'S'], ['109', '金山卫镇', 'Jinshanwei', 's'],
      ['112', '漕泾镇', 'Caojing', 's'], ['113', '山阳镇', 'Shanyang', 's'],
    ],
  },
  {
    code: '310117', name: '松江区', nameEn: 'Songjiang', region: 'suburb',
    streets: [
      ['001', '岳阳街道', 'Yueyang', 'f'], ['002', '永丰街道', 'Yongfeng', 'f'],
      ['003', '方松街道', 'Fangsong', 'f'], ['004', '中山街道', 'Zhongshan', 'f'],
      ['005', '广富林街道', 'Guangfulin', 'f'], ['006', '九里亭街道', 'Jiuliting', 'f'],
      ['102', '泗泾镇', 'Sijing', 's'], ['103', '佘山镇', 'Sheshan', 's'],
      ['104', '车墩镇', 'Chedun', 's'], ['105', '新桥镇', 'Xinqiao', 's'],
      ['106', '洞泾镇', 'Dongjing', 's'], ['107', '九亭镇', 'Jiuting', 'f', 'L'],
      ['109', '泖港镇', 'Maogang', 's'], ['116', '石湖荡镇', 'Shihudang', 's', 'S'],
      ['117', '新浜镇', 'Xinbang', 's', 'S'], ['120', '叶榭镇', 'Yexie', 's'],
      ['121', '小昆山镇', 'Xiaokunshan', 's', 'S'],
    ],
  },
  {
    code: '310118', name: '青浦区', nameEn: 'Qingpu', region: 'suburb',
    streets: [
      ['001', '夏阳街道', 'Xiayang', 'f'], ['002', '盈浦街道', 'Yingpu', 'f'],
      ['003', '香花桥街道', 'Xianghuaqiao', 'f'], ['102', '朱家角镇', 'Zhujiajiao', 's'],
      ['103', '练塘镇', 'Liantang', 's'], ['104', '金泽镇', 'Jinze', 's'],
      ['105', '赵巷镇', 'Zhaoxiang', 's'], ['106', '徐泾镇', 'Xujing', 'f'],
      ['107', '华新镇', 'Huaxin', 's'], ['109', '重固镇', 'Chonggu', 's', 'S'],
      ['110', '白鹤镇', 'Baihe', 's'],
    ],
  },
  {
    code: '310120', name: '奉贤区', nameEn: 'Fengxian', region: 'suburb',
    streets: [
      ['001', '西渡街道', 'Xidu', 'f'], ['002', '奉浦街道', 'Fengpu', 'f'],
      ['003', '金海街道', 'Jinhai', 'f'], ['101', '南桥镇', 'Nanqiao', 's', 'L'],
      ['102', '奉城镇', 'Fengcheng', 's'], ['104', '庄行镇', 'Zhuanghang', 's'],
      ['106', '金汇镇', 'Jinhui', 's'], ['109', '四团镇', 'Situan', 's'],
      ['111', '青村镇', 'Qingcun', 's'], ['118', '柘林镇', 'Zhelin', 's'],
      ['123', '海湾镇', 'Haiwan', 's', 'S'],
    ],
  },
  {
    code: '310151', name: '崇明区', nameEn: 'Chongming', region: 'suburb',
    streets: [
      ['101', '城桥镇', 'Chengqiao', 's'], ['102', '堡镇', 'Baozhen', 's'],
      ['103', '新河镇', 'Xinhe', 's'], ['104', '庙镇', 'Miaozhen', 's'],
      ['105', '竖新镇', 'Shuxin', 's'], ['106', '向化镇', 'Xianghua', 's'],
      ['107', '三星镇', 'Sanxing', 's'], ['108', '港沿镇', 'Gangyan', 's'],
      ['109', '中兴镇', 'Zhongxing', 's'], ['110', '陈家镇', 'Chenjia', 's'],
      ['111', '绿华镇', 'Lvhua', 's', 'S'], ['112', '港西镇', 'Gangxi', 's'],
      ['113', '建设镇', 'Jianshe', 's'], ['114', '新海镇', 'Xinhai', 's', 'S'],
      ['115', '东平镇', 'Dongping', 's', 'S'], ['116', '长兴镇', 'Changxing', 's'],
      ['201', '新村乡', 'Xincun Township', 's', 'S'], ['202', '横沙乡', 'Hengsha Township', 's', 'S'],
    ],
  },
];
