/**
 * Synthetic Chinese names: a common surname (Shanghai's frequent ones weighted up) and one or two
 * given-name characters. Any match with a real person is coincidence; nothing else about a real
 * person is ever generated.
 */
import type { Random } from '../prng';
import type { Gender } from './workforce.types';

// Frequent surnames, most common first; the draw favours the front of the list.
const SURNAMES = [
  ...'王张陈李徐沈朱顾陆周吴杨黄刘钱孙胡金施蒋曹姚俞汪唐邱郑潘许何范冯宋袁马高蔡谢倪董丁叶程严龚戴吕薛郭卢毛赵林韩邵秦夏任彭方石陶瞿邹苏傅梁殷余谭',
];
const GIVEN_FEMALE = [...'静丽敏燕红霞琳颖婷雯倩洁莉萍玲芳娟佳怡慧晶雪婕蓉瑾蕾琴蓓菁华英秀文琦悦欣妍'];
const GIVEN_MALE = [...'伟强军勇磊杰俊斌浩峰刚涛明辉健超鹏宇晨毅炜骏翔凯昊彬栋亮平华文忠国民'];
const GIVEN_SHARED = [...'佳晓嘉思一子云新振海春志立永安乐嘉宏'];

export function syntheticName(random: Random, gender: Gender): string {
  // A power of the draw favours common surnames (the first about 7%) without a weight table.
  const surname = SURNAMES[Math.floor(random() ** 1.6 * SURNAMES.length)];
  const own = gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE;
  const last = own[Math.floor(random() * own.length)];
  if (random() < 0.25) return surname + last; // one-character given name
  const first = random() < 0.35 ? GIVEN_SHARED[Math.floor(random() * GIVEN_SHARED.length)] : own[Math.floor(random() * own.length)];
  return surname + first + last;
}
