import { Empty } from 'antd';
export default function ComparePage() {
  return <Empty description="对比分析" />;
}
